package org.lbp.cds.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.security.Tokens;

/** Health and metrics as operators use them: open, in the formats their tools read. */
@QuarkusTest
class OperationsTest {

    @Test
    @DisplayName("Readiness reports the knowledge base loaded and the audit store reachable; liveness, separate, the process and the audit writer alive")
    void health() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("knowledge-base", "audit-store"))
                .body(containsString("rulesetVersion"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItems("process", "audit-writer"))
                .body(containsString("process"));
    }

    @Test
    @DisplayName("Prometheus metrics: evaluations by status with a latency histogram, firings per rule, audit commits, rejections by reason")
    void metrics() {
        String token = Tokens.token("ops", "clinician");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Clinic.patient().score("quads", 4, 7).body())
                .post("/api/v1/evaluations").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Clinic.patient().redFlag("newBowelDysfunction", true).body())
                .post("/api/v1/evaluations").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Clinic.patient().set("ageYears", 300).body())
                .post("/api/v1/evaluations").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/evaluations").then().statusCode(401);

        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        for (String expected : new String[] {
                "lbp_evaluations_seconds_count{status=\"ok\"", "lbp_evaluations_seconds_count{status=\"stop_refer\"",
                "lbp_evaluations_seconds_bucket{status=\"ok\",le=", "lbp_rule_firings_total{ruleId=\"R01\"",
                "lbp_rule_firings_total{ruleId=\"S03\"", "lbp_audit_commit_seconds_count", "lbp_audit_batch_size_count",
                "lbp_requests_rejected_total{reason=\"invalid_intake\"",
                "lbp_requests_rejected_total{reason=\"unauthorized\""}) {
            assertTrue(metrics.contains(expected), () -> "metrics expose " + expected + " in:\n" + metrics.lines()
                    .filter(line -> line.startsWith("lbp_")).limit(40).reduce("", (a, b) -> a + b + "\n"));
        }
    }
}
