package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The writer keeps its connection from one batch to the next while batches follow one another (no check by the pool,
 * a round trip to PostgreSQL, at every commit), and gives it back when it has been idle, so that a store restarted
 * meanwhile costs nothing; a restart in the middle of a busy stretch fails the batch on the cut connection, and the
 * next batch takes a new one. On an H2 server, or PostgreSQL in the PostgreSQL run, that the test takes down.
 */
class AuditWriterConnectionTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    private TestStore store;
    private AuditDatabase database;
    private AuditWriter writer;

    private void start(Duration heldIdle) {
        store = TestStore.create();
        database = new AuditDatabase(store.config());
        database.start();
        writer = new AuditWriter(database, 64, org.lbp.cds.ops.ServiceMetrics.NONE, AuditWriter.LOCKED_AFTER_MOVE, heldIdle);
        writer.start();
    }

    @AfterEach
    void stop() {
        writer.stop(Duration.ofSeconds(5));
        database.close();
        store.close();
    }

    @Test
    @DisplayName("Batches one after another: one connection taken from the pool for all of them")
    void aBusyWriterKeepsItsConnection() throws Exception {
        start(Duration.ofMinutes(1));
        for (int i = 0; i < 30; i++) {
            assertEquals(i + 1, commit(i));
        }
        assertEquals(1, writer.connectionsTaken());
    }

    @Test
    @DisplayName("The store restarted while the writer was idle: the next record commits at once, on a connection the pool checked")
    void anIdleWriterGivesItsConnectionBack() throws Exception {
        start(Duration.ofMillis(200));
        assertEquals(1, commit(0));
        store.down(); // the connection the writer held is cut
        store.up();
        Thread.sleep(400);
        assertEquals(2, commit(1), "committed at the first try");
        assertEquals(2, writer.connectionsTaken(), "a new connection, not the cut one");
        assertTrue(new AuditRepository(database).verify().valid());
    }

    @Test
    @DisplayName("The store restarted in a busy stretch: the batch on the cut connection fails (its callers answer 503), the next one commits on a new connection")
    void aCutConnectionFailsOneBatch() throws Exception {
        start(Duration.ofMinutes(1));
        assertEquals(1, commit(0));
        store.down();
        store.up();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> commit(1));
        assertTrue(failed.getCause() instanceof java.sql.SQLException, failed.toString());
        assertEquals(2, commit(2), "the failed record left nothing; the next follows the first");
        assertEquals(2, writer.connectionsTaken());
        assertTrue(new AuditRepository(database).verify().valid());
    }

    private long commit(int i) throws Exception {
        Instant at = AT.plusMillis(i);
        AuditEntry entry = new AuditEntry(EvaluationIds.next(at).toString(), at.toString(), "test", "PT-CONN",
                "sha256:connection-test", "ok", "{}", "{\"patientId\":\"PT-CONN\",\"n\":" + i + "}", "{\"status\":\"ok\"}",
                List.of());
        return writer.submit(entry, AT, () -> "{}").get(30, TimeUnit.SECONDS);
    }
}
