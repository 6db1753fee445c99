package org.lbp.cds.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;

/**
 * No health data in logs: everything the service logs while evaluating (ok, stop, invalid, malformed), at every
 * level, carries the evaluation id at most, never the patient id or the intake's content.
 */
@QuarkusTest
class LogHygieneTest {

    private static final String PATIENT = "PT-SECRET-4242";

    /** Every log record of the service's process, formatted as a handler would print it. */
    static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null && message != null) {
                try {
                    message = String.format(message, record.getParameters());
                } catch (RuntimeException e) {
                    message = message + " " + java.util.Arrays.toString(record.getParameters());
                }
            }
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + message);
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final Capture CAPTURE = new Capture();

    @BeforeAll
    static void capture() {
        io.restassured.RestAssured.filters(Tokens.asEveryRole());
        Logger root = Logger.getLogger("");
        CAPTURE.setLevel(Level.ALL);
        root.addHandler(CAPTURE);
        Logger.getLogger("org.lbp.cds").setLevel(Level.FINEST); // the service's debug logs too, for this test only
        Logger.getLogger("lbp.evaluations").setLevel(Level.INFO); // the evaluation log (quiet in other tests)
    }

    @AfterAll
    static void release() {
        Logger.getLogger("").removeHandler(CAPTURE);
        Logger.getLogger("org.lbp.cds").setLevel(Level.INFO);
        Logger.getLogger("lbp.evaluations").setLevel(Level.WARNING);
        io.restassured.RestAssured.reset();
    }

    @Test
    @DisplayName("Evaluations of every kind log their id and figures, never the patient id or the intake")
    void noHealthDataInLogs() {
        CAPTURE.lines.clear();
        List<String> ids = new ArrayList<>();
        for (Clinic intake : List.of(
                Clinic.patient().id(PATIENT).score("quads", 3, 9).set("pain.severityNow", 9),
                Clinic.patient().id(PATIENT).redFlag("saddleAnaesthesiaOrParaesthesia", true),
                Clinic.patient().id(PATIENT).set("contraindications.localLesions",
                        List.of(java.util.Map.of("region", "quads", "side", "right", "type", "tumour"))))) {
            ids.add(given().contentType(ContentType.JSON).body(intake.body()).post("/api/v1/evaluations")
                    .then().statusCode(200).extract().path("evaluationId"));
        }
        given().contentType(ContentType.JSON).body(Clinic.patient().id(PATIENT).set("ageYears", -5).body())
                .post("/api/v1/evaluations").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"patientId\":\"" + PATIENT + "\", broken")
                .post("/api/v1/evaluations").then().statusCode(400);
        given().get("/api/v1/evaluations/" + ids.get(0)).then().statusCode(200);

        List<String> lines = new ArrayList<>(CAPTURE.lines);
        for (String id : ids) {
            assertTrue(lines.stream().filter(line -> line.startsWith("lbp.evaluations ") && line.contains(id)
                    && line.contains("durationUs=")).count() == 1, "one line per evaluation, with its id and duration: " + id);
        }
        for (String line : lines) {
            for (String secret : List.of(PATIENT, "saddleAnaesthesia", "tumour", "\"severityNow\"", "low_back", "quads 3/9")) {
                assertFalse(line.contains(secret), "log line leaks " + secret + ": " + line);
            }
        }
    }
}
