package org.lbp.cds.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A production key location that names a file must be a readable file, or the service does not start. */
class SecurityStartupTest {

    @Test
    @DisplayName("A key file that is there is accepted, as a path or a file: URL")
    void keyFileThere(@TempDir Path folder) throws Exception {
        Path key = Files.writeString(folder.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n");
        assertDoesNotThrow(() -> SecurityStartup.checkLocalKeyFile(key.toString()));
        assertDoesNotThrow(() -> SecurityStartup.checkLocalKeyFile("file:" + key));
    }

    @Test
    @DisplayName("A key file that is missing, or a folder, stops the start and names the location")
    void keyFileMissing(@TempDir Path folder) {
        for (String location : new String[] {folder.resolve("missing.pem").toString(), "file:" + folder.resolve("missing.pem"),
                folder.toString(), "keys/public.pem"}) {
            IllegalStateException stop = assertThrows(IllegalStateException.class,
                    () -> SecurityStartup.checkLocalKeyFile(location), location);
            assertTrue(stop.getMessage().contains(location) && stop.getMessage().contains("does not start"),
                    stop.getMessage());
        }
    }

    @Test
    @DisplayName("A URL or a classpath location is not checked at start-up (read on first use)")
    void urlsAreNotChecked() {
        assertDoesNotThrow(() -> SecurityStartup.checkLocalKeyFile("https://idp.example/keys.jwks"));
        assertDoesNotThrow(() -> SecurityStartup.checkLocalKeyFile("classpath:keys/public.pem"));
    }
}
