package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.EvaluationService;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * The embedded store of a data folder: SQLite for a new folder, the H2 store of a folder that already has one; SQLite's
 * settings on the service's connections; its write-ahead log kept small under load; and readiness down while another
 * process holds its write lock. About the embedded store itself, whatever store the run tests.
 */
class EmbeddedSqliteStoreTest {

    @Test
    @DisplayName("A new data folder, even one not made yet, gets an SQLite store")
    void aNewFolderGetsSqlite(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("not-yet").resolve("data");
        try (Service service = new Service(TestStore.embeddedDefault(dataDir))) {
            assertEquals(StoreKind.SQLITE, service.database.kind());
            Protocol protocol = service.evaluate("PT-NEW-1");
            assertTrue(Files.isRegularFile(dataDir.resolve(StoreKind.SQLITE_FILE)), "the folders and the file were made");
            assertFalse(Files.exists(dataDir.resolve(StoreKind.H2_FILE)));
            assertEquals("PT-NEW-1", service.repository().find(protocol.evaluationId()).orElseThrow().patientId());
            assertTrue(service.repository().verify().valid());
        }
    }

    @Test
    @DisplayName("A data folder that holds an H2 store from before keeps it: its records are still read, verified and added to")
    void aFolderWithAnH2StoreKeepsIt(@TempDir Path dataDir) throws Exception {
        String earlier;
        try (Service before = new Service(TestStore.embeddedH2(dataDir))) { // as the service wrote it until 2026-12
            earlier = before.evaluate("PT-OLD-1").evaluationId();
        }
        try (Service after = new Service(TestStore.embeddedDefault(dataDir))) {
            assertEquals(StoreKind.H2, after.database.kind());
            assertEquals("PT-OLD-1", after.repository().find(earlier).orElseThrow().patientId());
            after.evaluate("PT-OLD-2");
            var report = after.repository().verify();
            assertTrue(report.valid());
            assertEquals(2, report.records(), "the new record follows the old one in the same chain");
        }
        assertFalse(Files.exists(dataDir.resolve(StoreKind.SQLITE_FILE)), "no second, empty store beside the H2 one");
    }

    @Test
    @DisplayName("A data folder that holds both an H2 and an SQLite store is refused, naming both: the operator chooses")
    void aFolderWithBothStoresIsRefused(@TempDir Path dataDir) throws Exception {
        try (Service h2 = new Service(TestStore.embeddedH2(dataDir))) {
            h2.evaluate("PT-BOTH-1");
        }
        try (Service sqlite = new Service(TestStore.embeddedDefault(dataDir.resolve("elsewhere")))) {
            sqlite.evaluate("PT-BOTH-2");
        }
        Files.move(dataDir.resolve("elsewhere").resolve(StoreKind.SQLITE_FILE), dataDir.resolve(StoreKind.SQLITE_FILE));
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new AuditDatabase(TestStore.embeddedDefault(dataDir)));
        assertTrue(refused.getMessage().contains(StoreKind.SQLITE_FILE) && refused.getMessage().contains(StoreKind.H2_FILE)
                && refused.getMessage().contains("lbp.audit.jdbc-url"), refused.getMessage());
    }

    @Test
    @DisplayName("The service's SQLite connections: write-ahead log, NORMAL sync by default and FULL when configured, no checkpoint in the commits, foreign keys, case-sensitive LIKE")
    void settingsOnTheServicesConnections(@TempDir Path dataDir) throws Exception {
        try (Service normal = new Service(TestStore.embeddedDefault(dataDir.resolve("normal")))) {
            normal.evaluate("PT-SET-1");
            try (Connection db = normal.database.connection()) {
                assertEquals("wal", text(db, "PRAGMA journal_mode"));
                assertEquals("1", text(db, "PRAGMA synchronous"), "NORMAL");
                assertEquals("0", text(db, "PRAGMA wal_autocheckpoint"), "no checkpoint in a commit");
                assertEquals("1", text(db, "PRAGMA foreign_keys"));
                assertEquals(String.valueOf(AuditDatabase.SQLITE_BUSY_TIMEOUT_MS), text(db, "PRAGMA busy_timeout"));
                assertEquals(String.valueOf(AuditDatabase.SQLITE_LOG_KEPT_BYTES), text(db, "PRAGMA journal_size_limit"));
                assertEquals("0", text(db, "SELECT 'R05' LIKE 'r05'"), "LIKE tells case apart, as on H2 and PostgreSQL");
            }
            var byRule = normal.repository().search(new AuditRepository.Search(null, null, null, null, "r01", 0, 10));
            assertEquals(0, byRule.total(), "a rule id in the wrong case finds nothing");
            assertEquals(1, normal.repository().search(new AuditRepository.Search(null, null, null, null, "R01", 0, 10)).total());
        }
        try (Service full = new Service(TestStore.embeddedDefault(dataDir.resolve("full"), AuditConfig.SqliteSync.FULL))) {
            full.evaluate("PT-SET-2");
            try (Connection db = full.database.connection()) {
                assertEquals("2", text(db, "PRAGMA synchronous"), "FULL");
            }
        }
    }

    @Test
    @DisplayName("Under load the write-ahead log stays bounded (checkpointed on a thread of its own, and started again once it holds 2,000 pages) and the file holds about the records' text")
    void theWriteAheadLogStaysBounded(@TempDir Path dataDir) throws Exception {
        int load = 3_000;
        try (Service service = new Service(TestStore.embeddedDefault(dataDir))) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    int first = c;
                    done.add(callers.submit(() -> {
                        for (int i = first; i < load; i += 8) {
                            service.evaluate(Clinic.patient().id("PT-WAL-" + (i % 50)).score("quads", i % 10, (i / 10) % 10)
                                    .score("hamstrings", (i * 3) % 10, (i * 7) % 10));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                callers.shutdown();
            }
            long text;
            try (Connection db = service.database.connection(); Statement statement = db.createStatement();
                    ResultSet row = statement.executeQuery("SELECT COUNT(*), SUM(LENGTH(CAST(intake AS BLOB))"
                            + " + LENGTH(CAST(protocol AS BLOB)) + LENGTH(CAST(firings AS BLOB)) + LENGTH(CAST(config AS BLOB))"
                            + " + LENGTH(CAST(rule_ids AS BLOB))) FROM evaluation_record")) {
                row.next();
                assertEquals(load, row.getLong(1), "every evaluation recorded");
                text = row.getLong(2);
            }
            long wal = Files.size(dataDir.resolve(StoreKind.SQLITE_FILE + "-wal"));
            long file = Files.size(dataDir.resolve(StoreKind.SQLITE_FILE));
            System.out.printf("embedded SQLite store: %d records, %d KiB of text, file %d KiB, write-ahead log %d KiB%n",
                    load, text >> 10, file >> 10, wal >> 10);
            // the log starts again once it holds 2,000 pages (8 MB), plus what came during one period of the
            // checkpoints' thread; without that restart it grew to 0.8 GB in 25 s at 1,100 records a second
            assertTrue(wal <= AuditDatabase.SQLITE_LOG_KEPT_BYTES, "the write-ahead log is bounded: " + (wal >> 10) + " KiB");
            assertTrue(file < text * 2, "the file holds about the records' text: " + (file >> 10) + " KiB for "
                    + (text >> 10) + " KiB");
            assertTrue(service.repository().verify().valid());
        }
    }

    @Test
    @DisplayName("Another process holding SQLite's write lock: not ready within about a second, and a record cannot commit; ready again once it lets go")
    void aHeldWriteLockIsNotReady(@TempDir Path dataDir) throws Exception {
        try (Service service = new Service(TestStore.embeddedDefault(dataDir))) {
            service.evaluate("PT-LOCK-1");
            assertTrue(ready(service));
            try (Connection other = new org.sqlite.JDBC().connect("jdbc:sqlite:" + dataDir.resolve(StoreKind.SQLITE_FILE),
                    new java.util.Properties()); Statement lock = other.createStatement()) {
                lock.execute("BEGIN EXCLUSIVE");
                Thread.sleep(AuditDatabase.SQLITE_READY_KEPT_MS + 100); // past the answer kept from before the lock
                try (Connection db = service.database.connection()) {
                    long start = System.nanoTime();
                    assertFalse(service.database.ready(db), "the write lock is held elsewhere");
                    long waited = (System.nanoTime() - start) / 1_000_000;
                    assertTrue(waited >= AuditDatabase.SQLITE_READY_LOCK_WAIT_MS - 50
                            && waited < AuditDatabase.SQLITE_BUSY_TIMEOUT_MS, "waited its own time for the lock: " + waited + " ms");
                    assertEquals(String.valueOf(AuditDatabase.SQLITE_BUSY_TIMEOUT_MS), text(db, "PRAGMA busy_timeout"),
                            "the connection's own wait is back");
                    start = System.nanoTime();
                    assertFalse(service.database.ready(db), "kept");
                    assertTrue(System.nanoTime() - start < 100_000_000L, "a second probe at once does not wait for the lock again");
                }
                assertEquals(AuditUnavailableException.class, assertThrowsAny(() -> service.evaluate("PT-LOCK-2")).getClass());
                lock.execute("ROLLBACK");
            }
            service.evaluate("PT-LOCK-3");
            assertTrue(ready(service), "a commit makes it ready at once, without waiting for the kept answer to pass");
            var report = service.repository().verify();
            assertTrue(report.valid());
            assertEquals(2, report.records(), "the record refused while locked is not in the trail");
        }
    }

    private static boolean ready(Service service) throws Exception {
        try (Connection db = service.database.connection()) {
            return service.database.ready(db);
        }
    }

    private static Throwable assertThrowsAny(org.junit.jupiter.api.function.Executable executable) {
        return org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, executable);
    }

    private static String text(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next(), sql);
            return row.getString(1);
        }
    }

    /** The evaluation service recording into the store of a configuration, as the running service does. */
    private static final class Service implements AutoCloseable {

        final AuditDatabase database;
        final AuditService audit;
        final EvaluationService evaluations;

        Service(AuditConfig config) {
            database = new AuditDatabase(config);
            audit = new AuditService(config, database);
            audit.start();
            evaluations = new EvaluationService(Clinic.engine(), Thresholds.DEFAULTS, Clock.fixed(Clinic.NOW, ZoneOffset.UTC), audit);
        }

        Protocol evaluate(String patientId) throws Exception {
            return evaluate(Clinic.patient().id(patientId).score("quads", 2, 8));
        }

        Protocol evaluate(Clinic intake) throws Exception {
            JsonNode body = Clinic.JSON.readTree(intake.body());
            return evaluations.evaluate(body);
        }

        AuditRepository repository() {
            return new AuditRepository(database);
        }

        @Override
        public void close() {
            audit.stop();
            database.close();
        }
    }
}
