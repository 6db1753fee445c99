package org.lbp.cds.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.audit.ServiceProcess;
import org.lbp.cds.audit.TestStore;
import org.lbp.cds.evaluation.Clinic;

/**
 * The JSON logs as operators turn them on ({@code LBP_LOG_JSON=true}, as the Kubernetes manifest and the scaled compose
 * file do), on the packaged service: every line of its console, from the launch on, is one JSON object; each evaluation
 * answered writes exactly one line in the category {@code lbp.evaluations}, whose fields give its id (the one the
 * client received), its status, its firings and its duration; an invalid intake writes none; and no line holds the
 * patient id or the intake's content.
 */
class JsonLogsIT {

    private static final String PATIENT = "PT-JSON-LOG-7731";

    @Test
    @DisplayName("JSON logs: one JSON line per evaluation with its id, status, firings and duration as fields; none for an invalid intake; no health data")
    void oneJsonLinePerEvaluation() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "json-logs-");
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), "json-logs",
                List.of("quarkus.log.console.json.enabled=true", "lbp.audit.data-dir=" + data.toAbsolutePath()))) {
            HttpResponse<String> ok = service.post("/api/v1/evaluations",
                    Clinic.patient().id(PATIENT).score("quads", 7, 3).body());
            HttpResponse<String> referred = service.post("/api/v1/evaluations",
                    Clinic.patient().id(PATIENT).redFlag("newBowelDysfunction", true).body());
            HttpResponse<String> invalid = service.post("/api/v1/evaluations",
                    Clinic.patient().id(PATIENT).set("ageYears", 300).body());
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(200, referred.statusCode(), referred.body());
            assertEquals(400, invalid.statusCode(), invalid.body());
            JsonNode okProtocol = Clinic.JSON.readTree(ok.body());
            JsonNode referredProtocol = Clinic.JSON.readTree(referred.body());

            List<JsonNode> evaluationLines = evaluationLines(service.log(), 2);
            assertEquals(2, evaluationLines.size(), "one line per evaluation answered, none for the invalid intake: "
                    + evaluationLines);
            assertLine(evaluationLines.get(0), okProtocol);
            assertLine(evaluationLines.get(1), referredProtocol);

            String log = Files.readString(service.log());
            assertFalse(log.contains(PATIENT), "the patient id in the service's log");
            assertFalse(log.contains("newBowelDysfunction"), "the intake's content in the service's log");
        } finally {
            TestStore.deleteTree(data);
        }
    }

    private static void assertLine(JsonNode line, JsonNode protocol) {
        JsonNode fields = line.get("mdc");
        assertEquals("INFO", line.get("level").asText(), line.toString());
        assertEquals(protocol.get("evaluationId").asText(), fields.get("evaluationId").asText(), line.toString());
        assertEquals(protocol.get("status").asText(), fields.get("status").asText(), line.toString());
        int firings = Integer.parseInt(fields.get("firings").asText());
        assertTrue(firings > 0, line.toString());
        long micros = Long.parseLong(fields.get("durationUs").asText());
        assertTrue(micros > 0 && micros < 10_000_000, "the evaluation's duration in µs: " + line);
        assertEquals("evaluation " + protocol.get("evaluationId").asText() + " status=" + protocol.get("status").asText()
                + " firings=" + firings + " durationUs=" + micros, line.get("message").asText(), "the message says the same");
    }

    /**
     * The console's lines from the launch on, each parsed as a JSON object (a line that is not one fails the test: the
     * start-up's lines too), and of them the evaluation log's; waits up to 10 s for the expected count (the console is
     * written as it goes).
     */
    private static List<JsonNode> evaluationLines(Path log, int expected) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (int attempt = 0; attempt < 100; attempt++) {
            found.clear();
            for (String text : Files.readAllLines(log)) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = Clinic.JSON.readTree(text);
                assertTrue(line.isObject() && line.has("message") && line.has("timestamp"), "a JSON log line: " + text);
                if ("lbp.evaluations".equals(line.path("loggerName").asText())) {
                    found.add(line);
                }
            }
            if (found.size() >= expected) {
                break;
            }
            Thread.sleep(100);
        }
        return found;
    }
}
