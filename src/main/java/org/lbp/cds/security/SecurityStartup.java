package org.lbp.cds.security;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * At start-up: on the embedded profiles, makes sure the local key pair exists (generated on first start, outside the
 * repository); otherwise refuses to start unless a verification key is configured, so a production service can
 * never run without checking its callers' tokens.
 */
@ApplicationScoped
public class SecurityStartup {

    private static final Logger LOG = Logger.getLogger(SecurityStartup.class);

    void onStart(@Observes @Priority(1) StartupEvent event, SecurityConfig config) {
        if (config.localKeys()) {
            Path folder = Path.of(config.keyDir());
            KeyFiles.ensure(folder);
            LOG.infof("Local token keys in %s (embedded profile). Mint a token: ./mvnw -q compile exec:java@token -Drole=clinician",
                    folder.toAbsolutePath());
            return;
        }
        Optional<String> location = ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.publickey.location", String.class);
        Optional<String> key = ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.publickey", String.class);
        if (location.filter(value -> !value.isBlank()).isEmpty() && key.filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalStateException("No token verification key is configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "(and MP_JWT_VERIFY_ISSUER) to the identity provider's public key. The service does not start without it.");
        }
        location.filter(value -> !value.isBlank()).ifPresent(SecurityStartup::checkLocalKeyFile);
    }

    /**
     * A key location that is a file (a path, or {@code file:}) must be a readable file: otherwise every caller would be
     * refused with 401 while the service looks healthy. A URL or a {@code classpath:} location is read on first use.
     */
    static void checkLocalKeyFile(String location) {
        String file;
        if (location.startsWith("file:")) {
            file = location.substring("file:".length());
        } else if (location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return; // https:, classpath:, ... (a scheme has two letters or more: C:/keys is a file)
        } else {
            file = location;
        }
        Path path = Path.of(file);
        if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.isReadable(path)) {
            throw new IllegalStateException("The token verification key " + location + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION)"
                    + " is not a readable file. The service does not start without it.");
        }
    }
}
