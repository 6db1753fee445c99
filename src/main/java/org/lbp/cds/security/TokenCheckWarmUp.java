package org.lbp.cds.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.lbp.cds.ops.StartupTask;

/**
 * At start-up, before readiness: one token check of a token whose signature is false, through the parser that checks
 * every caller's token, so that the first clinic request does not pay for loading the verification key and the
 * signature code (about 800 classes, half a second on this project's 2-core machine in a slow hour). The token must be
 * refused; a verifier that accepts it would accept any token, so the service then refuses to start. Not done when the
 * key is fetched over the network (a JWKS URL): start-up does not wait for the identity provider.
 */
@ApplicationScoped
public class TokenCheckWarmUp {

    private static final Logger LOG = Logger.getLogger(TokenCheckWarmUp.class);

    /** RS256, claims that name the warm-up, and a signature of zeros: never one made with the key. */
    static final String FALSE_TOKEN = part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "."
            + part("{\"iss\":\"urn:lbp-cds:warm-up\",\"sub\":\"warm-up\",\"aud\":\"warm-up\",\"iat\":1767225600,"
                    + "\"exp\":4102444800,\"groups\":[]}")
            + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);

    /** The check, on a thread of its own (see {@link #onStart}). */
    private volatile StartupTask checking;

    /**
     * Starts the check on a thread of its own, after the local keys exist ({@link SecurityStartup}) and before the
     * warm-up evaluation, so that the two run side by side; {@link #awaitCheck} waits for it before the start-up ends.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 5) StartupEvent event, JWTParser parser) {
        String location = ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                .orElse("");
        if (location.regionMatches(true, 0, "http", 0, 4)) {
            LOG.debug("token check not warmed up: the key is fetched from the identity provider on first use");
            return;
        }
        checking = StartupTask.start("token-check-warm-up", () -> checkRefuses(parser));
    }

    /** After the other start-up observers: the check has ended; a verifier that accepted the false token fails the start. */
    void awaitCheck(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) throws InterruptedException {
        StartupTask task = checking;
        if (task != null) {
            task.await();
        }
    }

    /** Checks the false token; throws when it is accepted. */
    static void checkRefuses(JWTParser parser) {
        long start = System.nanoTime();
        try {
            parser.parse(FALSE_TOKEN);
        } catch (ParseException expected) {
            LOG.debugf("token check warmed up in %d ms (a false signature refused)", (System.nanoTime() - start) / 1_000_000);
            return;
        }
        throw new IllegalStateException("the token check accepted a token with a false signature: the service does not"
                + " start with a verifier that accepts any token");
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
