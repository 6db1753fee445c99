package org.lbp.cds.security;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The packaged service on its production profile refuses to start without a token verification key. */
class ProductionStartIT {

    @Test
    @DisplayName("Production without a configured verification key: the service does not start, and says why")
    void refusesToStartWithoutKey() throws Exception {
        Path log = Path.of("target/production-start-it.log");
        Path data = Files.createTempDirectory("lbp-prod-");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dlbp.audit.data-dir=" + data, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(new File(log.toString())).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        org.lbp.cds.audit.TestStore.deleteTree(data);
        assertTrue(exited, "the service kept running without a key");
        assertNotEquals(0, process.exitValue());
        assertTrue(Files.readString(log).contains("No token verification key is configured"), "says why");
    }
}
