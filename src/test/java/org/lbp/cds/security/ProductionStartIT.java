package org.lbp.cds.security;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The packaged service on its production profile refuses to start without a token verification key it can read. */
class ProductionStartIT {

    @Test
    @DisplayName("Production without a configured verification key: the service does not start, and says why")
    void refusesToStartWithoutKey() throws Exception {
        assertRefused("target/production-start-it.log", "No token verification key is configured");
    }

    @Test
    @DisplayName("Production with a key location that names a missing file: the service does not start, and names it")
    void refusesToStartWithAMissingKeyFile() throws Exception {
        assertRefused("target/production-start-it-missing-key.log", "/nowhere/idp-public.pem (MP_JWT_VERIFY_PUBLICKEY_LOCATION)"
                + " is not a readable file", "-Dmp.jwt.verify.publickey.location=/nowhere/idp-public.pem");
    }

    private static void assertRefused(String logFile, String reason, String... options) throws Exception {
        Path log = Path.of(logFile);
        Path data = Files.createTempDirectory("lbp-prod-");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dquarkus.http.port=0",
                "-Dlbp.audit.data-dir=" + data));
        command.addAll(java.util.List.of(options));
        command.addAll(java.util.List.of("-jar", "target/lbp-cds-runner.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log.toString())).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        org.lbp.cds.audit.TestStore.deleteTree(data);
        assertTrue(exited, "the service kept running");
        assertNotEquals(0, process.exitValue());
        assertTrue(Files.readString(log).contains(reason), "says why: " + reason);
    }
}
