package org.lbp.cds.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;

/**
 * Who may call what: every endpoint answers 401 without a valid token (missing, garbage, expired, wrongly signed,
 * foreign issuer or audience) and 403 for a role it does not allow; health and the OpenAPI document stay open.
 */
@QuarkusTest
class AccessControlTest {

    /** An endpoint and the roles allowed on it. */
    record Endpoint(String method, String path, Set<String> allowed) {
        Response call(RequestSpecification request) {
            return switch (method) {
                case "POST" -> request.contentType(ContentType.JSON).body(Clinic.patient().score("quads", 4, 7).body()).post(path);
                default -> request.get(path);
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static String recorded;
    private static List<Endpoint> endpoints;

    /** One recorded evaluation and the endpoints, made on first use (the test port is known only inside a test). */
    @org.junit.jupiter.api.BeforeEach
    void oneRecord() {
        if (endpoints != null) {
            return;
        }
        recorded = given().auth().oauth2(Tokens.token("dr-who", Roles.CLINICIAN)).contentType(ContentType.JSON)
                .body(Clinic.patient().body()).post("/api/v1/evaluations").then().statusCode(200).extract()
                .path("evaluationId");
        endpoints = List.of(
                new Endpoint("POST", "/api/v1/evaluations", Set.of(Roles.CLINICIAN)),
                new Endpoint("GET", "/api/v1/evaluations", Set.of(Roles.AUDITOR)),
                new Endpoint("GET", "/api/v1/evaluations/" + recorded, Set.of(Roles.AUDITOR)),
                new Endpoint("POST", "/api/v1/evaluations/" + recorded + "/replay", Set.of(Roles.AUDITOR)),
                new Endpoint("GET", "/api/v1/audit/verify", Set.of(Roles.AUDITOR)),
                new Endpoint("GET", "/api/v1/audit/rule-firings", Set.of(Roles.AUDITOR)),
                new Endpoint("GET", "/api/v1/audit/rejections", Set.of(Roles.AUDITOR)),
                new Endpoint("GET", "/api/v1/rules", Set.of(Roles.CLINICIAN, Roles.AUDITOR, Roles.ADMIN)),
                new Endpoint("GET", "/api/v1/admin/status", Set.of(Roles.ADMIN)));
    }

    private static void assertProblem(Response response, int status, String where) {
        assertEquals(status, response.statusCode(), where);
        assertTrue(response.contentType().startsWith("application/problem+json"), where + ": " + response.contentType());
        assertEquals(status, response.jsonPath().getInt("status"), where);
        assertTrue(!response.asString().contains("Exception") && !response.asString().contains("java."), where);
    }

    @Test
    @DisplayName("Each endpoint: allowed roles pass, every other role gets 403 problem+json")
    void rolesPerEndpoint() {
        for (Endpoint endpoint : endpoints) {
            for (String role : Roles.ALL) {
                Response response = endpoint.call(given().auth().oauth2(Tokens.token("user-" + role, role)));
                if (endpoint.allowed().contains(role)) {
                    assertEquals(200, response.statusCode(), endpoint + " as " + role);
                } else {
                    assertProblem(response, 403, endpoint + " as " + role);
                }
            }
        }
    }

    @Test
    @DisplayName("Each endpoint: 401 problem+json without a token, with garbage, expired, wrongly signed, foreign issuer or audience")
    void badTokensPerEndpoint() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var strangerKey = generator.generateKeyPair().getPrivate();
        var ownKey = KeyFiles.privateKey(Tokens.KEYS);
        List<String> bad = List.of(
                "not-a-jwt",
                Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("late").groups(Set.of(Roles.ALL))
                        .issuedAt(Instant.now().minus(Duration.ofHours(3))).expiresAt(Instant.now().minus(Duration.ofHours(2)))
                        .sign(ownKey),
                Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("forger").groups(Set.of(Roles.ALL))
                        .expiresIn(Duration.ofHours(1)).sign(strangerKey),
                Jwt.issuer("urn:someone-else").audience(Tokens.AUDIENCE).subject("foreign").groups(Set.of(Roles.ALL))
                        .expiresIn(Duration.ofHours(1)).sign(ownKey),
                Jwt.issuer(Tokens.ISSUER).audience("another-service").subject("elsewhere").groups(Set.of(Roles.ALL))
                        .expiresIn(Duration.ofHours(1)).sign(ownKey));
        for (Endpoint endpoint : endpoints) {
            Response none = endpoint.call(given());
            assertProblem(none, 401, endpoint + " without a token");
            assertEquals("Bearer", none.header("WWW-Authenticate"), endpoint + ": WWW-Authenticate");
            for (int i = 0; i < bad.size(); i++) {
                assertProblem(endpoint.call(given().auth().oauth2(bad.get(i))), 401, endpoint + " with bad token " + i);
            }
        }
    }

    @Test
    @DisplayName("Health, the OpenAPI document and Swagger UI need no token")
    void publicEndpoints() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    @DisplayName("The caller's subject is recorded with the evaluation")
    void callerIsRecorded() {
        given().auth().oauth2(Tokens.token("auditor-1", Roles.AUDITOR)).get("/api/v1/evaluations/" + recorded)
                .then().statusCode(200).body("caller", equalTo("dr-who"));
    }

    @Test
    @DisplayName("Security headers on every response, a Content-Security-Policy, and CORS closed")
    void headers() {
        for (Response response : List.of(
                given().auth().oauth2(Tokens.token("c", Roles.CLINICIAN)).get("/api/v1/rules"),
                given().get("/api/v1/rules"),
                given().get("/q/health/ready"))) {
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertEquals("DENY", response.header("X-Frame-Options"));
            assertEquals("same-origin", response.header("Referrer-Policy"));
            assertEquals(1, response.headers().getValues("Content-Security-Policy").size(), () -> "one CSP only: " + response.headers());
            assertEquals("no-store", response.header("Cache-Control"));
            assertTrue(response.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        }
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/evaluations")
                .then().header("Access-Control-Allow-Origin", emptyOrNullString());
        given().header("Origin", "https://evil.example").auth().oauth2(Tokens.token("c", Roles.CLINICIAN))
                .get("/api/v1/rules").then().statusCode(200).header("Access-Control-Allow-Origin", emptyOrNullString());
        given().get("/q/swagger-ui/").then().header("Content-Security-Policy", not(emptyOrNullString()));
        for (String page : List.of("/login", "/ui/app.js", "/q/swagger-ui/", "/q/openapi")) {
            assertEquals(1, given().get(page).headers().getValues("Content-Security-Policy").size(), page + ": one CSP only");
        }
        assertTrue(given().get("/login").header("Content-Security-Policy").contains("script-src 'self'"));
    }

}
