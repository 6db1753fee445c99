package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the audit writer (the service's shutdown, after its HTTP requests in flight were answered) commits every
 * record it had already taken: a request waiting for its commit when the stop comes is answered, not failed. What
 * comes after the stop is refused at once. A writer that dies of an error, or ends on an interrupt without a stop, is known instead, and refuses at once too. On the embedded store, as the one-command default runs it, and on a
 * PostgreSQL database of its own in the PostgreSQL run.
 */
class AuditWriterStopTest {

    private static final int QUEUED = 500;
    private static final Instant AT = Instant.parse("2026-11-27T09:00:00Z");

    @TempDir
    Path dataDir;
    private TestStore postgres;
    private AuditDatabase database;
    private AuditWriter writer;

    /** The run's store: the embedded file (SQLite, or H2 in the H2 run), or a PostgreSQL database of its own in the PostgreSQL run. */
    @BeforeEach
    void startWriter() {
        postgres = TestStore.postgres() ? TestStore.createPostgres() : null;
        database = new AuditDatabase(postgres != null ? postgres.config() : TestStore.embedded(dataDir));
        database.start();
        writer = new AuditWriter(database, 64, org.lbp.cds.ops.ServiceMetrics.NONE);
        writer.start();
    }

    @AfterEach
    void closeStore() {
        writer.stop(Duration.ofSeconds(1));
        database.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @DisplayName("Stopped with 500 records queued: all 500 are committed and their callers told so; a record after the stop is refused at once")
    void stopCommitsWhatIsQueued() throws Exception {
        List<CompletableFuture<Long>> commits = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) { // far faster than the writer commits: most are still queued at the stop
            commits.add(writer.submit(entry(AT.plusMillis(i)), AT, () -> "{}"));
        }
        writer.stop(Duration.ofSeconds(30));

        for (CompletableFuture<Long> commit : commits) {
            assertTrue(commit.isDone(), "every caller has its answer when the stop returns");
            commit.get(); // committed: throws if the record failed
        }
        assertEquals(QUEUED, count(database), "every record queued before the stop is in the trail");
        assertTrue(new AuditRepository(database).verify().valid(), "the chain is valid");

        CompletableFuture<Long> late = writer.submit(entry(AT.plusSeconds(60)), AT, () -> "{}");
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> late.get(100, TimeUnit.MILLISECONDS), "a record after the stop is refused, not left waiting");
        assertEquals("the service is stopping", refused.getCause().getMessage());
        assertEquals(QUEUED, count(database));
    }

    @Test
    @DisplayName("A writer thread that dies of an error: the record it was writing fails at once, so does every later one, and the service knows")
    void aWriterThatDiesIsKnown() throws Exception {
        writer.submit(entry(AT), AT, () -> "{}").get(30, TimeUnit.SECONDS); // a healthy writer first
        assertEquals(null, writer.died());

        // storing a new ruleset version reads its files: here that throws an Error, which no writer can go on from
        CompletableFuture<Long> fatal = writer.submit(entry(AT.plusSeconds(1), "sha256:unreadable"), AT, () -> {
            throw new AssertionError("the ruleset's files cannot be read");
        });
        ExecutionException failed = assertThrows(ExecutionException.class, () -> fatal.get(30, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof AssertionError, failed.toString());
        assertTrue(writer.died() instanceof AssertionError, "the writer's death is known (liveness reports it)");

        assertLaterRecordsRefusedAtOnce(AT.plusSeconds(2));
    }

    @Test
    @DisplayName("A writer thread interrupted without a stop: the service knows it has no writer, and a later record fails at once")
    void aWriterInterruptedWithoutAStopIsKnown() throws Exception {
        writer.submit(entry(AT), AT, () -> "{}").get(30, TimeUnit.SECONDS);
        assertEquals(null, writer.died());

        writer.thread().interrupt(); // waiting for records: it ends
        writer.thread().join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(writer.died() instanceof InterruptedException, "the writer's end is known (liveness reports it)");

        assertLaterRecordsRefusedAtOnce(AT.plusSeconds(1));
    }

    /** After the writer's death: a new record is refused at once, not after the commit timeout; only the first is kept. */
    private void assertLaterRecordsRefusedAtOnce(Instant at) throws Exception {
        CompletableFuture<Long> after = writer.submit(entry(at), AT, () -> "{}");
        ExecutionException refused = assertThrows(ExecutionException.class, () -> after.get(100, TimeUnit.MILLISECONDS),
                "refused at once, not after the commit timeout");
        assertEquals("the audit writer has died", refused.getCause().getMessage());
        assertEquals(1, count(database), "only the record written before the writer's death is in the trail");
    }

    private static AuditEntry entry(Instant at) {
        return entry(at, "sha256:stop-test");
    }

    private static AuditEntry entry(Instant at, String rulesetVersion) {
        return new AuditEntry(EvaluationIds.next(at).toString(), at.toString(), "test", "PT-STOP", rulesetVersion, "ok",
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
