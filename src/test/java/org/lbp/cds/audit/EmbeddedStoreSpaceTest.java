package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.EvaluationService;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * The embedded H2 store reuses the space of what each commit superseded. H2 writes every commit as a new chunk and
 * frees old chunks from its own background thread; with {@code SET WRITE_DELAY 0} (what the service once set to make
 * commits durable) that thread does not run, and the file grew by about three times the records' size, without end:
 * 9.7 GB after 370,000 evaluations under load. The store is always H2 here, whatever store the run tests: this is
 * about H2's file (data folders made before SQLite became the embedded default keep their H2 store).
 */
class EmbeddedStoreSpaceTest {

    /** The load, by several callers at once so that commits carry several records; then a few more. */
    private static final int LOAD = 3_000;
    private static final int MORE = 400;
    private static final int CALLERS = 8;

    @Test
    @DisplayName("After a load and H2's retention time, more records are written into the space it freed, not appended")
    void supersededChunksAreReused(@TempDir Path dataDir) throws Exception {
        AuditConfig config = TestStore.embeddedH2(dataDir);
        AuditDatabase database = new AuditDatabase(config);
        AuditService audit = new AuditService(config, database);
        audit.start();
        try {
            try (Connection db = database.connection(); Statement statement = db.createStatement()) {
                // H2 keeps a superseded chunk 45 s before reusing its space; 1 s here, so that a short test sees reuse
                statement.execute("SET RETENTION_TIME 1000");
            }
            EvaluationService service = new EvaluationService(Clinic.engine(), Thresholds.DEFAULTS,
                    Clock.fixed(Clinic.NOW, ZoneOffset.UTC), audit);
            evaluate(service, 0, LOAD);
            Thread.sleep(2_500); // the load's superseded chunks pass the retention time; H2's thread frees them
            long[] before = recorded(database);
            long fileBefore = Files.size(dataDir.resolve("audit.mv.db"));
            evaluate(service, LOAD, LOAD + MORE);
            long[] after = recorded(database);
            long fileAfter = Files.size(dataDir.resolve("audit.mv.db"));

            long addedText = after[1] - before[1];
            System.out.printf("embedded store: %d records (%d MiB of text), file %d MiB; %d more (%d KiB of text): file grew"
                    + " by %d KiB%n", before[0], before[1] >> 20, fileBefore >> 20, after[0] - before[0], addedText >> 10,
                    (fileAfter - fileBefore) >> 10);
            assertEquals(LOAD + MORE, after[0], "every evaluation recorded");
            assertTrue(new AuditRepository(database).verify().valid(), "the chain is valid");
            // Without reuse every commit is appended: the file grows by more than twice what was added (seen: 2.35 to
            // 2.56 times, with SET WRITE_DELAY 0). With reuse it mostly does not grow at all; but when H2 has compacted
            // the load and shrunk the file during the pause, there is little space left to reuse, and it grows by
            // about the records' size (seen: 0.93 to 1.32 times).
            assertTrue(fileAfter - fileBefore < addedText * 2, "the later records go into freed space, or the file grows"
                    + " by about their size: it grew by " + ((fileAfter - fileBefore) >> 10) + " KiB for "
                    + (addedText >> 10) + " KiB of records");
        } finally {
            audit.stop();
            database.close();
        }
    }

    private static void evaluate(EvaluationService service, int from, int to) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                int first = from + c;
                done.add(callers.submit(() -> {
                    for (int i = first; i < to; i += CALLERS) {
                        service.evaluate(Clinic.JSON.readTree(Clinic.patient().id("PT-SPACE-" + (i % 50))
                                .score("quads", i % 10, (i / 10) % 10).score("hamstrings", (i * 3) % 10, (i * 7) % 10).body()));
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
    }

    /** The records in the store and the size of their text. */
    private static long[] recorded(AuditDatabase database) throws Exception {
        try (Connection db = database.connection(); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*), SUM(OCTET_LENGTH(intake) + OCTET_LENGTH(protocol)"
                        + " + OCTET_LENGTH(firings) + OCTET_LENGTH(config) + OCTET_LENGTH(rule_ids)) FROM evaluation_record")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }
}
