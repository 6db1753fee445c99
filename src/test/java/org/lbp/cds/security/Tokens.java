package org.lbp.cds.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;


/** Tokens for tests, signed with the test profile's local key pair ({@code target/test-keys}). */
public final class Tokens {

    public static final Path KEYS = Path.of("target/test-keys");
    public static final String ISSUER = "urn:lbp-cds:local";
    public static final String AUDIENCE = "lbp-cds";

    private Tokens() {
    }

    public static String token(String subject, String... roles) {
        KeyFiles.ensure(KEYS);
        return MintToken.mint(KEYS, ISSUER, AUDIENCE, subject, Set.of(roles), Duration.ofHours(1));
    }

    /** A caller with every role, for the functional tests (the security tests check each role). */
    public static String everyRole() {
        return token("test-clinic", Roles.ALL);
    }

    /** A rest-assured filter that sends a bearer token with every role, unless the request has its own. */
    public static io.restassured.filter.Filter asEveryRole() {
        String header = "Bearer " + everyRole();
        return (request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", header);
            }
            return context.next(request, response);
        };
    }
}
