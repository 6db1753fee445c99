package org.lbp.cds.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;

/**
 * Hostile input, case by case: each is a 4xx problem+json that names the field where there is one, never a 500,
 * a stack trace or a class name, and never a protocol.
 */
@QuarkusTest
class InputLimitsTest {

    private static final String EVALUATIONS = "/api/v1/evaluations";

    @BeforeAll
    static void authenticate() {
        io.restassured.RestAssured.filters(Tokens.asEveryRole());
    }

    @AfterAll
    static void forgetToken() {
        io.restassured.RestAssured.reset();
    }

    /** Posts raw bytes as JSON and checks the problem document; returns it for more checks. */
    private static Response rejected(String body, int status, String field) {
        return rejected(body, "application/json", status, field);
    }

    private static Response rejected(String body, String contentType, int status, String field) {
        Response response = given().contentType(contentType).body(body).post(EVALUATIONS);
        String text = response.asString();
        assertEquals(status, response.statusCode(), () -> "status for " + preview(body) + ": " + text);
        assertTrue(response.contentType().startsWith("application/problem+json"), () -> response.contentType() + " " + text);
        assertEquals(status, response.jsonPath().getInt("status"));
        assertFalse(text.contains("Exception") || text.contains("java.") || text.contains("org.lbp")
                || text.contains("\tat "), () -> "internals leaked: " + text);
        assertFalse(response.jsonPath().getMap("$").containsKey("evaluationId"), "no protocol");
        if (field != null) {
            List<String> fields = response.jsonPath().getList("errors.field");
            assertTrue(fields != null && fields.contains(field), () -> "names " + field + ": " + text);
        }
        return response;
    }

    private static String preview(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "..." : body;
    }

    @Test
    @DisplayName("413: a body over 64 KiB")
    void tooLarge() {
        String padding = "x".repeat(70_000);
        rejected(Clinic.patient().set("patientId", padding).body(), 413, "");
    }

    @Test
    @DisplayName("415: a body that is not JSON (text, form, XML)")
    void notJson() {
        rejected("patientId=PT-0001", "application/x-www-form-urlencoded", 415, null);
        rejected(Clinic.patient().body(), "text/plain", 415, null);
        rejected("<intake/>", "application/xml", 415, null);
    }

    @Test
    @DisplayName("400: malformed JSON, empty body, trailing garbage")
    void malformed() {
        rejected("{\"patientId\": ", 400, null);
        rejected("", 400, null);
        rejected(Clinic.patient().body() + " {}", 400, null);
        rejected("[]", 400, null);
        rejected("null", 400, null);
    }

    @Test
    @DisplayName("400: numbers where strings belong, strings where numbers belong, nulls, wrong shapes")
    void wrongTypes() {
        rejected(Clinic.patient().set("patientId", 12345678).body(), 400, "patientId");
        rejected(Clinic.patient().set("ageYears", "42").body(), 400, "ageYears");
        rejected(Clinic.patient().set("ageYears", 42.5).body(), 400, "ageYears");
        rejected(Clinic.patient().set("ageYears", null).body(), 400, "ageYears");
        rejected(Clinic.patient().set("pain.severityNow", true).body(), 400, "pain.severityNow");
        rejected(Clinic.patient().set("episode", "flare").body(), 400, "episode");
        rejected(Clinic.patient().set("redFlags.osteoporosis", "no").body(), 400, "redFlags.osteoporosis");
        rejected(Clinic.patient().set("ageYears", new java.math.BigInteger("9".repeat(30))).body(), 400, "ageYears");
    }

    @Test
    @DisplayName("400: a key given twice is named, never last-one-wins")
    void duplicateKeys() {
        String body = Clinic.patient().body().replaceFirst("\\{", "{\"ageYears\": 9,");
        Response response = rejected(body, 400, null);
        assertTrue(response.asString().contains("ageYears"), response.asString());
    }

    @Test
    @DisplayName("400: deep nesting, huge arrays, very long strings")
    void hostileShapes() {
        rejected(Clinic.patient().body().replace("\"sex\":\"female\"",
                "\"sex\":" + "[".repeat(5_000) + "]".repeat(5_000)), 400, null);
        rejected(Clinic.patient().body().replace("\"sex\":\"female\"",
                "\"sex\":" + "[".repeat(40) + "]".repeat(40)), 400, null);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 5_000; i++) {
            many.append(i == 0 ? "" : ",").append("\"low_back\"");
        }
        rejected(Clinic.patient().body().replace("\"locations\":[\"low_back\"]", "\"locations\":" + many + "]"), 400,
                "pain.locations");
        rejected(Clinic.patient().set("patientId", "P".repeat(20_000)).body(), 400, null);
        rejected(Clinic.patient().set("sex", "f".repeat(5_000)).body(), 400, "sex");
    }

    @Test
    @DisplayName("400: control characters and odd Unicode in patientId")
    void oddPatientIds() {
        for (String id : List.of("PT\u0000ABCD", "PT-\u202Eabcd", "\uFF30\uFF34\uFF11\uFF12\uFF13", "PT-\uD83D\uDE00-01",
                "PT-0001\n", "PT 0001", "PT-0001\u200B", "<script>", "'; DROP TABLE x;--", "\uD800")) {
            rejected(Clinic.patient().set("patientId", id).body(), 400, "patientId");
        }
    }

    @Test
    @DisplayName("400: a body that is not UTF-8")
    void notUtf8() {
        byte[] latin1 = Clinic.patient().set("sex", "fémale").body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Response response = given().contentType("application/json").body(latin1).post(EVALUATIONS);
        assertTrue(response.statusCode() == 400, response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"));
    }
}
