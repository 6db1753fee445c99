package org.lbp.cds.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The start-up check of the token verifier: the service's own parser refuses the warm-up's false token (while it
 * accepts a token signed with the key), and a verifier that would accept the false token stops the start.
 */
@QuarkusTest
class TokenCheckWarmUpTest {

    @Inject
    JWTParser parser;

    @Test
    @DisplayName("The service's token parser refuses the false token for its signature, and accepts one signed with the key")
    void falseTokenRefusedRealOneAccepted() throws Exception {
        TokenCheckWarmUp.checkRefuses(parser); // returns: refused
        ParseException refused = assertThrows(ParseException.class, () -> parser.parse(TokenCheckWarmUp.FALSE_TOKEN));
        assertTrue(String.valueOf(refused.getCause()).toLowerCase().contains("signature"),
                "refused for its signature: " + refused.getCause());
        JsonWebToken real = parser.parse(Tokens.token("warm-up-test", Roles.CLINICIAN));
        assertEquals("warm-up-test", real.getSubject());
    }

    @Test
    @DisplayName("A verifier that accepts the false token stops the start: the service never runs with it")
    void verifierAcceptingAnythingStopsTheStart() {
        IllegalStateException stop = assertThrows(IllegalStateException.class,
                () -> TokenCheckWarmUp.checkRefuses(acceptsAnything()));
        assertTrue(stop.getMessage().contains("false signature"), stop.getMessage());
    }

    @Test
    @DisplayName("Run on its own thread beside the other start-up work, the check still stops the start when the false token is"
            + " accepted, and lets it go on when it is refused")
    void checkOnItsOwnThread() {
        TokenCheckWarmUp accepting = new TokenCheckWarmUp();
        accepting.onStart(null, acceptsAnything());
        IllegalStateException stop = assertThrows(IllegalStateException.class, () -> accepting.awaitCheck(null));
        assertTrue(stop.getMessage().contains("false signature"), stop.getMessage());

        TokenCheckWarmUp refusing = new TokenCheckWarmUp();
        refusing.onStart(null, parser);
        assertDoesNotThrow(() -> refusing.awaitCheck(null));
    }

    private static JWTParser acceptsAnything() {
        return new DefaultJWTParser() {
            @Override
            public JsonWebToken parse(String token) {
                return null;
            }
        };
    }
}
