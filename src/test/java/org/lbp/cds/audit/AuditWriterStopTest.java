package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the audit writer (the service's shutdown, after its HTTP requests in flight were answered) commits every
 * record it had already taken: a request waiting for its commit when the stop comes is answered, not failed. What
 * comes after the stop is refused at once. On the embedded store, as the one-command default runs it, and on a
 * PostgreSQL database of its own in the PostgreSQL run.
 */
class AuditWriterStopTest {

    private static final int QUEUED = 500;

    @Test
    @DisplayName("Stopped with 500 records queued: all 500 are committed and their callers told so; a record after the stop is refused at once")
    void stopCommitsWhatIsQueued(@TempDir Path dataDir) throws Exception {
        TestStore postgres = TestStore.postgres() ? TestStore.createPostgres() : null;
        AuditDatabase database = new AuditDatabase(postgres != null ? postgres.config() : TestStore.embedded(dataDir));
        database.start();
        AuditWriter writer = new AuditWriter(database, 64, org.lbp.cds.ops.ServiceMetrics.NONE);
        try {
            writer.start();
            List<CompletableFuture<Long>> commits = new ArrayList<>();
            Instant at = Instant.parse("2026-11-27T09:00:00Z");
            for (int i = 0; i < QUEUED; i++) { // far faster than the writer commits: most are still queued at the stop
                commits.add(writer.submit(entry(at.plusMillis(i)), at, () -> "{}"));
            }
            writer.stop(Duration.ofSeconds(30));

            for (CompletableFuture<Long> commit : commits) {
                assertTrue(commit.isDone(), "every caller has its answer when the stop returns");
                commit.get(); // committed: throws if the record failed
            }
            assertEquals(QUEUED, count(database), "every record queued before the stop is in the trail");
            assertTrue(new AuditRepository(database).verify().valid(), "the chain is valid");

            CompletableFuture<Long> late = writer.submit(entry(at.plusSeconds(60)), at, () -> "{}");
            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> late.get(100, TimeUnit.MILLISECONDS), "a record after the stop is refused, not left waiting");
            assertEquals("the service is stopping", refused.getCause().getMessage());
            assertEquals(QUEUED, count(database));
        } finally {
            writer.stop(Duration.ofSeconds(1));
            database.close();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static AuditEntry entry(Instant at) {
        return new AuditEntry(EvaluationIds.next(at).toString(), at.toString(), "test", "PT-STOP", "sha256:stop-test", "ok",
                "{}", "{\"patientId\":\"PT-STOP\"}", "{\"status\":\"ok\"}", List.of());
    }

    private static long count(AuditDatabase database) throws Exception {
        try (Connection db = database.connection(); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM evaluation_record")) {
            row.next();
            return row.getLong(1);
        }
    }
}
