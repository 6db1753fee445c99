package org.lbp.cds.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.lbp.cds.evaluation.Clinic.patient;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(org.lbp.cds.security.AsEveryRole.class)
class EvaluationApiTest {

    private static final String EVALUATIONS = "/api/v1/evaluations";

    @Test
    @DisplayName("200: a protocol with every field of the contract")
    void protocolShape() {
        given().contentType(ContentType.JSON).body(patient().score("quads", 3, 7).body())
                .when().post(EVALUATIONS)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("evaluationId", matchesPattern("[0-9a-f-]{36}"))
                .body("rulesetVersion", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("evaluatedAt", notNullValue())
                .body("patientId", equalTo("PT-TEST-01"))
                .body("status", equalTo("ok"))
                .body("steps", hasSize(1))
                .body("steps[0].order", equalTo(1))
                .body("steps[0].region", equalTo("quads_hip_flexors"))
                .body("steps[0].side", equalTo("right"))
                .body("steps[0].technique", equalTo("quad_hip_flexor_release"))
                .body("steps[0].performer", equalTo("self_or_practitioner"))
                .body("steps[0].dose.load", equalTo("as_much_as_feels_safe"))
                .body("steps[0].dose", hasKeyWithNull("duration"))
                .body("steps[0].recheckAfter", equalTo(true))
                .body("steps[0].ruleIds", hasItem("R05"))
                .body("avoid.item", hasItem("foam_roll_low_back"))
                .body("avoid.ruleIds", everyItem(not(empty())))
                .body("referrals", empty())
                .body("warnings", empty())
                .body("recommendations", empty())
                .body("missing", empty())
                .body("flags.pelvicInstabilitySuspected", equalTo(false))
                .body("flags.recruitedStabilisers", empty())
                .body("flags.nonResponse", equalTo(false))
                .body("flags", hasKeyWithNull("startBackRisk"))
                .body("firedRules[0].sequence", equalTo(1))
                .body("firedRules.ruleId", hasItem("R06"))
                .body("disclaimer", not(empty()));
    }

    private static org.hamcrest.Matcher<java.util.Map<? extends String, ?>> hasKeyWithNull(String key) {
        return org.hamcrest.Matchers.hasEntry(equalTo(key), org.hamcrest.Matchers.nullValue());
    }

    @Test
    @DisplayName("400: several bad fields, each listed with its path and code")
    void severalBadFields() {
        String body = patient().set("ageYears", 130).set("pain.severityNow", -1).set("sex", "robot")
                .set("patientId", "John Smith").set("mapping.scores.quads.left", 11)
                .set("surgicalHistory", java.util.List.of(java.util.Map.of("procedure", "hip_labral_repair", "side", "up")))
                .body();
        given().contentType(ContentType.JSON).body(body)
                .when().post(EVALUATIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("errors.field", containsInAnyOrder("ageYears", "pain.severityNow", "sex", "patientId",
                        "mapping.scores.quads.left", "surgicalHistory[0].side"))
                .body("errors.find { it.field == 'ageYears' }.code", equalTo("out_of_range"))
                .body("errors.find { it.field == 'sex' }.code", equalTo("enum"))
                .body("errors.find { it.field == 'patientId' }.code", equalTo("pattern"))
                .body("errors.find { it.field == 'surgicalHistory[0].side' }.code", equalTo("enum"))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.lbp")));
    }

    @Test
    @DisplayName("400: an unknown field, even a misspelt red flag, is rejected")
    void unknownFields() {
        String body = patient().set("favouriteColour", "blue").set("redFlags.saddleAnaesthesia", false).body();
        given().contentType(ContentType.JSON).body(body)
                .when().post(EVALUATIONS)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("favouriteColour", "redFlags.saddleAnaesthesia"))
                .body("errors.code", everyItem(equalTo("unknown_field")));
    }

    @Test
    @DisplayName("400: numbers where strings belong and the reverse, with code type")
    void wrongTypes() {
        String body = patient().set("ageYears", "42").set("patientId", 1234567).set("episode.acuteFlareUp", "yes")
                .set("pain.locations", "low_back").set("redFlags.feverOrChills", 0).set("mapping.scores.quads.right", 4.5)
                .body();
        given().contentType(ContentType.JSON).body(body)
                .when().post(EVALUATIONS)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("ageYears", "patientId", "episode.acuteFlareUp", "pain.locations",
                        "redFlags.feverOrChills", "mapping.scores.quads.right"))
                .body("errors.code", everyItem(equalTo("type")));
    }

    @Test
    @DisplayName("400: inconsistent fields (first_session in session 3, no pain at session 1, a future onset)")
    void inconsistentFields() {
        String body = patient().set("sessionNumber", 3).set("episode.onsetDate", "2026-11-21").body();
        given().contentType(ContentType.JSON).body(body)
                .when().post(EVALUATIONS)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("progress.outcomeSinceLastSession", "pain.severityAtSession1",
                        "episode.onsetDate"))
                .body("errors.find { it.field == 'pain.severityAtSession1' }.code", equalTo("required"))
                .body("errors.find { it.field == 'episode.onsetDate' }.code", equalTo("inconsistent"));
    }

    @Test
    @DisplayName("400: an encounter date in the future, and a date that is not a date")
    void dates() {
        given().contentType(ContentType.JSON).body(patient().set("encounterDate", "2099-01-01").body())
                .when().post(EVALUATIONS)
                .then().statusCode(400).body("errors[0].field", equalTo("encounterDate"))
                .body("errors[0].code", equalTo("out_of_range"));
        given().contentType(ContentType.JSON).body(patient().set("encounterDate", "2026-02-30").body())
                .when().post(EVALUATIONS)
                .then().statusCode(400).body("errors[0].code", equalTo("pattern"));
    }

    @Test
    @DisplayName("400: malformed JSON, a duplicated key, and a body that is not an object")
    void malformedBodies() {
        given().contentType(ContentType.JSON).body("{\"schemaVersion\": ")
                .when().post(EVALUATIONS)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].code", equalTo("type"));
        given().contentType(ContentType.JSON).body("{\"ageYears\": 40, \"ageYears\": 41}")
                .when().post(EVALUATIONS)
                .then().statusCode(400).body("errors[0].message", containsString("ageYears"));
        given().contentType(ContentType.JSON).body("[1, 2]")
                .when().post(EVALUATIONS)
                .then().statusCode(400).body("errors[0].code", equalTo("type"));
    }

    @Test
    @DisplayName("415: a body that is not JSON")
    void notJson() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post(EVALUATIONS)
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    @DisplayName("A red-flag case over HTTP: stop_refer, no steps, the emergency referral")
    void redFlagOverHttp() {
        given().contentType(ContentType.JSON).body(patient().redFlag("newBladderDysfunction", true).body())
                .when().post(EVALUATIONS)
                .then().statusCode(200)
                .body("status", equalTo("stop_refer"))
                .body("steps", empty())
                .body("referrals[0].urgency", equalTo("emergency"))
                .body("referrals[0].to", equalTo("emergency_department"));
    }

    @Test
    @DisplayName("GET /api/v1/rules: the version the protocols carry, and every rule with id, name, file and source")
    void rules() {
        String version = given().contentType(ContentType.JSON).body(patient().body()).post(EVALUATIONS)
                .then().statusCode(200).extract().path("rulesetVersion");
        given().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("rulesetVersion", equalTo(version))
                .body("rules.size()", equalTo(given().get("/api/v1/rules").path("ruleCount")))
                .body("rules.id", hasItem("S03"))
                .body("rules.find { it.id == 'R09' }.file", equalTo("rules/stabilisers-and-glutes.drl"))
                .body("rules.find { it.id == 'R09' }.source", containsString("acute flare-up"))
                .body("rules.name", everyItem(notNullValue()));
    }

    @Test
    @DisplayName("GET /api/v1/rules as text/markdown: exactly the rules reference docs/rules.md; as JSON, what each rule decides")
    void rulesReference() throws java.io.IOException {
        String page = given().accept("text/markdown").when().get("/api/v1/rules")
                .then().statusCode(200).contentType(containsString("text/markdown")).extract().asString();
        assertEquals(java.nio.file.Files.readString(java.nio.file.Path.of("docs/rules.md")), page);
        given().accept(ContentType.JSON).when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("rules.find { it.id == 'S08' && it.phase == 'exclusion' }.decides", containsString("LOCAL_LESION_EXCLUDED"))
                .body("rules.decides", everyItem(notNullValue()));
    }
}
