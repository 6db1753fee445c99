package org.lbp.cds.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;

/**
 * The audit trail through the API, on a store of its own (an SQLite file by default, H2 over TCP with
 * -Dlbp.test.store=h2, PostgreSQL with -Dlbp.test.store=postgresql): every evaluation is recorded with its firings in
 * order before it is answered, tampering is found at the right record, a store outage answers 503 and heals by itself,
 * and concurrent evaluations keep one valid chain.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(org.lbp.cds.security.AsEveryRole.class)
@QuarkusTestResource(value = AuditStoreResource.class, restrictToAnnotatedClass = true)
class AuditTrailTest {

    @jakarta.inject.Inject
    AuditDatabase database;

    private static final String EVALUATIONS = "/api/v1/evaluations";

    private static JsonNode json(Response response) throws Exception {
        return Clinic.JSON.readTree(response.asString());
    }

    private static JsonNode evaluate(Clinic intake) throws Exception {
        return json(given().contentType(ContentType.JSON).body(intake.body()).post(EVALUATIONS).then().statusCode(200)
                .extract().response());
    }

    private static JsonNode record(String evaluationId) throws Exception {
        return json(given().get(EVALUATIONS + "/" + evaluationId).then().statusCode(200).extract().response());
    }

    private static JsonNode verify() throws Exception {
        return json(given().get("/api/v1/audit/verify").then().statusCode(200).extract().response());
    }

    private static String patient() {
        return "PT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @DisplayName("Every evaluation, whatever its status, is recorded: intake as sent, protocol as returned, firings in order")
    void everyEvaluationIsRecorded() throws Exception {
        List<Clinic> intakes = List.of(
                Clinic.patient().id(patient()).score("quads", 4, 7),                            // ok, one step
                Clinic.patient().id(patient()).redFlag("newBladderDysfunction", true),           // stop_refer
                Clinic.patient().id(patient()).redFlag("feverOrChills", null),                  // insufficient_data
                Clinic.patient().id(patient()).age(12));                                       // out_of_scope
        for (Clinic intake : intakes) {
            JsonNode protocol = evaluate(intake);
            JsonNode record = record(protocol.get("evaluationId").asText());

            assertEquals(protocol, record.get("protocol"), "the protocol as returned");
            assertEquals(intake.json(), record.get("intake"), "the intake as sent");
            assertEquals(protocol.get("status"), record.get("status"));
            assertEquals(protocol.get("rulesetVersion"), record.get("rulesetVersion"));
            assertEquals(protocol.get("patientId"), record.get("patientId"));
            assertEquals("test-clinic", record.get("caller").asText(), "the caller's subject");
            assertEquals(2, record.get("config").get("imbalance").asInt());
            JsonNode fired = protocol.get("firedRules");
            JsonNode firings = record.get("firings");
            assertEquals(fired.size(), firings.size(), "one record per firing");
            for (int i = 0; i < fired.size(); i++) {
                assertEquals(i + 1, firings.get(i).get("sequence").asInt(), "in firing order");
                assertEquals(fired.get(i).get("ruleId"), firings.get(i).get("ruleId"));
                assertEquals(fired.get(i).get("ruleName"), firings.get(i).get("ruleName"));
                assertFalse(firings.get(i).get("facts").asText().isBlank(), "the facts it matched");
            }
            assertTrue(record.get("hash").asText().matches("[0-9a-f]{64}"));
        }
        JsonNode first = record(evaluate(Clinic.patient().id(patient()).score("quads", 4, 7)).get("evaluationId").asText());
        assertTrue(first.get("firings").toString().contains("quads 4/7"), "a firing names the scores it matched");
        assertTrue(verify().get("valid").asBoolean());
    }

    @Test
    @DisplayName("A rejected request (400) is counted, and nothing of it is stored")
    void rejectedRequestsAreCountedNotStored() throws Exception {
        long before = json(given().get("/api/v1/audit/rejections").then().statusCode(200).extract().response())
                .get("rejectedRequests").asLong();
        String id = patient();
        given().contentType(ContentType.JSON).body(Clinic.patient().id(id).set("ageYears", -1).body()).post(EVALUATIONS)
                .then().statusCode(400);
        long after = before;
        for (int i = 0; i < 50 && after == before; i++) { // counted asynchronously, never delaying the 400
            Thread.sleep(100);
            after = json(given().get("/api/v1/audit/rejections").then().statusCode(200).extract().response())
                    .get("rejectedRequests").asLong();
        }
        assertEquals(before + 1, after);
        given().get(EVALUATIONS + "?patientId=" + id).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @DisplayName("A record altered in the database is reported by verify at that record, and the chain is whole again once restored")
    void tamperingIsReportedWhereItHappened() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(evaluate(Clinic.patient().id(patient()).score("adductors", 3 + i, 7)).get("evaluationId").asText());
        }
        long second = record(ids.get(1)).get("position").asLong();
        long third = record(ids.get(2)).get("position").asLong();
        assertTrue(verify().get("valid").asBoolean());

        try (Connection db = AuditStoreResource.store.connect()) {
            // 1. the recommendation itself rewritten: the adductor step moved to the other side
            String original = text(db, "SELECT protocol FROM evaluation_record WHERE position = ?", second);
            update(db, "UPDATE evaluation_record SET protocol = ? WHERE position = ?",
                    original.replace("\"side\":\"right\"", "\"side\":\"left\""), second);
            JsonNode report = verify();
            assertFalse(report.get("valid").asBoolean());
            assertEquals(second, report.get("firstBroken").get("position").asLong());
            assertEquals(ids.get(1), report.get("firstBroken").get("evaluationId").asText());
            assertTrue(report.get("firstBroken").get("reason").asText().contains("content altered"));
            update(db, "UPDATE evaluation_record SET protocol = ? WHERE position = ?", original, second);
            assertTrue(verify().get("valid").asBoolean());

            // 2. a firing's rule changed, then the firings made unreadable
            String firings = text(db, "SELECT firings FROM evaluation_record WHERE position = ?", third);
            update(db, "UPDATE evaluation_record SET firings = ? WHERE position = ?",
                    firings.replaceFirst("\"ruleId\":\"[A-Z0-9]+\"", "\"ruleId\":\"R99\""), third);
            report = verify();
            assertEquals(third, report.get("firstBroken").get("position").asLong());
            assertTrue(report.get("firstBroken").get("reason").asText().contains("content altered"));
            update(db, "UPDATE evaluation_record SET firings = ? WHERE position = ?", firings.substring(0, 40), third);
            assertEquals(third, verify().get("firstBroken").get("position").asLong());
            update(db, "UPDATE evaluation_record SET firings = ? WHERE position = ?", firings, third);
            assertTrue(verify().get("valid").asBoolean());

            // 3. a link rewritten: the third record no longer follows the second
            String previous = text(db, "SELECT previous_hash FROM evaluation_record WHERE position = ?", third);
            update(db, "UPDATE evaluation_record SET previous_hash = ? WHERE position = ?", "f".repeat(64), third);
            report = verify();
            assertEquals(third, report.get("firstBroken").get("position").asLong());
            assertTrue(report.get("firstBroken").get("reason").asText().contains("previous hash"));
            update(db, "UPDATE evaluation_record SET previous_hash = ? WHERE position = ?", previous, third);

            // 4. the head moved back one record, as if the last had never been written: that record lies beyond it
            long last = Long.parseLong(text(db, "SELECT position FROM chain_head WHERE id = 1"));
            String headHash = text(db, "SELECT hash FROM chain_head WHERE id = 1");
            String beforeLast = text(db, "SELECT hash FROM evaluation_record WHERE position = ?", last - 1);
            moveHead(db, last - 1, beforeLast);
            report = verify();
            assertFalse(report.get("valid").asBoolean());
            assertEquals(last, report.get("firstBroken").get("position").asLong());
            assertTrue(report.get("firstBroken").get("reason").asText().contains("beyond the chain head"), report.toString());
            moveHead(db, last, headHash);
        }
        assertTrue(verify().get("valid").asBoolean());
    }

    private static String text(Connection db, String sql) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            assertTrue(row.next(), sql);
            return row.getString(1);
        }
    }

    private static String text(Connection db, String sql, long position) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, position);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private static void moveHead(Connection db, long position, String hash) throws Exception {
        try (PreparedStatement statement = db.prepareStatement("UPDATE chain_head SET position = ?, hash = ? WHERE id = 1")) {
            statement.setLong(1, position);
            statement.setString(2, hash);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static void update(Connection db, String sql, String value, long position) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.setLong(2, position);
            assertEquals(1, statement.executeUpdate());
        }
    }

    @Test
    @DisplayName("Store down: 503 problem+json and no protocol; store back: 200 again, without a restart")
    void storeOutage() throws Exception {
        evaluate(Clinic.patient().id(patient()));
        AuditStoreResource.store.down();
        try {
            given().contentType(ContentType.JSON).body(Clinic.patient().id(patient()).score("quads", 4, 7).body())
                    .post(EVALUATIONS)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValueOrEmpty())
                    .body("type", equalTo("urn:lbp-cds:problem:audit-unavailable"))
                    .body("$", not(hasKey("evaluationId")))
                    .body("$", not(hasKey("steps")));
            given().get("/q/health/ready").then().statusCode(503).body(containsString("audit-store"));
        } finally {
            AuditStoreResource.store.up();
        }
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            status = given().contentType(ContentType.JSON).body(Clinic.patient().id(patient()).body()).post(EVALUATIONS)
                    .then().extract().statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status, "the service recovered by itself");
        given().get("/q/health/ready").then().statusCode(200);
        assertTrue(verify().get("valid").asBoolean());
    }

    private static org.hamcrest.Matcher<String> notNullValueOrEmpty() {
        return org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString());
    }

    @Test
    @DisplayName("The store writes each commit before the answer: PostgreSQL with synchronous commit; SQLite to its write-ahead log, synced at checkpoints on a thread of their own; H2 by a checkpoint, its background writer kept for housekeeping")
    void commitsAreWrittenBeforeTheAnswer() throws Exception {
        evaluate(Clinic.patient().id(patient()).score("quads", 2, 8)); // the store is opened and migrated by then
        try (Connection db = database.connection()) { // a connection of the service's own pool
            if (TestStore.postgres()) {
                assertEquals("on", text(db, "SHOW synchronous_commit"));
            } else if (TestStore.sqlite()) { // a commit is in the write-ahead log before the answer (CrashRecoveryIT)
                assertEquals("wal", text(db, "PRAGMA journal_mode"));
                assertEquals("1", text(db, "PRAGMA synchronous"), "NORMAL, the default"); // FULL is 2
                assertEquals("0", text(db, "PRAGMA wal_autocheckpoint"), "no checkpoint in a commit: a thread of its own");
                assertEquals("1", text(db, "PRAGMA foreign_keys"), "a record must name a stored ruleset");
            } else { // the writer checkpoints each commit (CrashRecoveryIT kills the service to prove it); a write delay of
                // 0 would stop H2's background thread, which frees superseded chunks (EmbeddedStoreSpaceTest)
                assertEquals(String.valueOf(AuditDatabase.H2_WRITE_DELAY_MS),
                        text(db, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"));
            }
        }
    }

    @Test
    @DisplayName("A record's long texts are stored the cheap way: in the row as text on SQLite, as VARCHAR on H2 (no LOB storage), compressed with lz4 on PostgreSQL")
    void longTextsAreStoredCheaply() throws Exception {
        Clinic intake = Clinic.patient().id(patient()).score("quads", 2, 8).score("hip_flexors", 3, 7)
                .score("adductors", 6, 3).score("hamstrings", 4, 7);
        JsonNode protocol = evaluate(intake);
        List<String> texts = List.of("config", "intake", "protocol", "firings");
        try (Connection db = database.connection()) {
            for (String column : texts) {
                if (TestStore.postgres()) { // 'l': lz4, the column's setting from the V4 migration
                    assertEquals("l", text(db, "SELECT attcompression FROM pg_attribute WHERE attrelid ="
                            + " 'evaluation_record'::regclass AND attname = '" + column + "'"), column);
                } else if (TestStore.sqlite()) { // stored as text, not as a blob: readable with any SQLite tool
                    assertEquals("text", text(db, "SELECT typeof(" + column + ") FROM evaluation_record WHERE evaluation_id = '"
                            + protocol.get("evaluationId").asText() + "'"), column);
                } else {
                    assertEquals("CHARACTER VARYING", text(db, "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_NAME = 'EVALUATION_RECORD' AND COLUMN_NAME = '" + column.toUpperCase() + "'"), column);
                }
            }
            if (TestStore.postgres()) { // this record's row is over PostgreSQL's 2 KB: its largest texts were compressed
                List<String> methods = new ArrayList<>();
                try (PreparedStatement query = db.prepareStatement("SELECT pg_column_compression(config),"
                        + " pg_column_compression(intake), pg_column_compression(protocol), pg_column_compression(firings)"
                        + " FROM evaluation_record WHERE evaluation_id = ?")) {
                    query.setString(1, protocol.get("evaluationId").asText());
                    try (ResultSet row = query.executeQuery()) {
                        assertTrue(row.next());
                        for (int i = 1; i <= texts.size(); i++) {
                            if (row.getString(i) != null) {
                                methods.add(row.getString(i));
                            }
                        }
                    }
                }
                assertFalse(methods.isEmpty(), "no text of the record was compressed");
                assertEquals(List.of("lz4"), methods.stream().distinct().toList());
            }
        }
        JsonNode record = record(protocol.get("evaluationId").asText());
        assertEquals(protocol, record.get("protocol"), "the protocol reads back as answered");
        assertEquals(intake.json(), record.get("intake"), "the intake reads back as sent");
        assertTrue(verify().get("valid").asBoolean());
    }

    @Test
    @DisplayName("Many parallel evaluations: one record per 200 answer, and one valid chain, also when verified while they are recorded")
    void concurrentEvaluations() throws Exception {
        String id = patient();
        int threads = 8;
        int each = 25;
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> done = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean recording = new java.util.concurrent.atomic.AtomicBoolean(true);
            Future<List<JsonNode>> verifiedMeanwhile = pool.submit(() -> { // an auditor's check while the service records
                List<JsonNode> reports = new ArrayList<>();
                while (recording.get()) {
                    reports.add(verify());
                }
                return reports;
            });
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        int status = given().contentType(ContentType.JSON)
                                .body(Clinic.patient().id(id).score("hamstrings", thread % 10, i % 10).body())
                                .post(EVALUATIONS).then().extract().statusCode();
                        if (status == 200) {
                            ok.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            recording.set(false);
            List<JsonNode> reports = verifiedMeanwhile.get();
            assertFalse(reports.isEmpty());
            for (JsonNode report : reports) { // records committed after a check read the head are the next check's
                assertTrue(report.get("valid").asBoolean(), report.toString());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(threads * each, ok.get());
        given().get(EVALUATIONS + "?patientId=" + id + "&size=1").then().statusCode(200).body("total", equalTo(ok.get()));
        JsonNode report = verify();
        assertTrue(report.get("valid").asBoolean(), report.toString());
    }

    @Test
    @DisplayName("Auditors search by patient, status, rule and time, page by page, and count firings per rule")
    void searchesAndCounts() throws Exception {
        String id = patient();
        String start = java.time.Instant.now().minusSeconds(1).toString();
        evaluate(Clinic.patient().id(id).score("quads", 4, 7));
        evaluate(Clinic.patient().id(id).redFlag("saddleAnaesthesiaOrParaesthesia", true));
        evaluate(Clinic.patient().id(id).score("it_band", 7, 3));

        given().get(EVALUATIONS + "?patientId=" + id).then().statusCode(200).body("total", equalTo(3))
                .body("items.size()", equalTo(3)).body("items[0].patientId", equalTo(id));
        given().get(EVALUATIONS + "?patientId=" + id + "&status=stop_refer").then().body("total", equalTo(1));
        given().get(EVALUATIONS + "?patientId=" + id + "&ruleId=R07").then().body("total", equalTo(2));
        given().get(EVALUATIONS + "?patientId=" + id + "&ruleId=S03").then().body("total", equalTo(1));
        given().get(EVALUATIONS + "?patientId=" + id + "&from=" + start).then().body("total", equalTo(3));
        given().get(EVALUATIONS + "?patientId=" + id + "&to=" + start).then().body("total", equalTo(0));
        given().get(EVALUATIONS + "?patientId=" + id + "&size=2&page=1").then().body("items.size()", equalTo(1))
                .body("page", equalTo(1)).body("size", equalTo(2));

        JsonNode counts = json(given().get("/api/v1/audit/rule-firings?from=" + start).then().statusCode(200)
                .extract().response());
        assertTrue(counts.get("evaluations").asLong() >= 3);
        JsonNode s03 = null;
        for (JsonNode rule : counts.get("rules")) {
            if (rule.get("ruleId").asText().equals("S03")) {
                s03 = rule;
            }
        }
        assertNotNull(s03, "S03 fired in the period");
        assertTrue(s03.get("evaluations").asLong() >= 1);

        given().get(EVALUATIONS + "?patientId=x&status=bad&ruleId=r1&size=0&from=yesterday").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("patientId", "status", "ruleId", "size", "from"));
        given().get(EVALUATIONS + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get(EVALUATIONS + "/not-an-id").then().statusCode(400);
    }

    @Test
    @DisplayName("Replay under the same ruleset gives the identical protocol")
    void replayIsIdentical() throws Exception {
        JsonNode protocol = evaluate(Clinic.patient().id(patient()).score("quads", 4, 7).score("lats", 6, 2));
        given().post(EVALUATIONS + "/" + protocol.get("evaluationId").asText() + "/replay").then().statusCode(200)
                .body("identical", equalTo(true)).body("differences.size()", equalTo(0))
                .body("rulesetVersion", equalTo(protocol.get("rulesetVersion").asText()));
    }
}
