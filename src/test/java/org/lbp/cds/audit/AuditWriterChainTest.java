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
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two audit writers on one store, as two replicas share one PostgreSQL: on PostgreSQL each writer links its next
 * records to the head it left, and moves it only if the other writer has not moved it since; when the other has,
 * nothing is written and the batch goes the locked way. SQLite and H2 always take the locked way. The chain stays one
 * line either way. On the embedded store (two pools on one file: on SQLite as two processes share it, through the
 * file's write lock; on H2 as in one JVM) and, in the PostgreSQL run, on a PostgreSQL database of its own.
 */
class AuditWriterChainTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    @TempDir
    Path dataDir;
    private TestStore postgres;
    private final List<AuditDatabase> databases = new ArrayList<>();
    private final List<AuditWriter> writers = new ArrayList<>();

    @BeforeEach
    void openStore() {
        postgres = TestStore.postgres() ? TestStore.createPostgres() : null;
    }

    @AfterEach
    void closeStore() {
        writers.forEach(writer -> writer.stop(Duration.ofSeconds(5)));
        databases.forEach(AuditDatabase::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A writer with a pool of its own on the test's store, as a replica has. */
    private AuditWriter writer() {
        return writer(AuditWriter.LOCKED_AFTER_MOVE);
    }

    private AuditWriter writer(int lockedBatchesAfterMove) {
        return writer(lockedBatchesAfterMove, 64);
    }

    private AuditWriter writer(int lockedBatchesAfterMove, int batchSize) {
        AuditDatabase database = new AuditDatabase(postgres != null ? postgres.config() : TestStore.embedded(dataDir));
        database.start();
        databases.add(database);
        AuditWriter writer = new AuditWriter(database, batchSize, org.lbp.cds.ops.ServiceMetrics.NONE, lockedBatchesAfterMove);
        writer.start();
        writers.add(writer);
        return writer;
    }

    @Test
    @DisplayName("One writer alone: its records follow one another; on PostgreSQL every commit after the first goes after the head it knows, unread")
    void aWriterAloneKeepsTheHead() throws Exception {
        AuditWriter only = writer();
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            positions.add(commit(only, i));
        }
        assertEquals(range(1, 20), positions);
        assertEquals(0, only.headMoved(), "nobody else moved the head");
        assertEquals(postgres != null ? 19 : 0, only.afterKnownHead());
        assertChain(20);
    }

    @Test
    @DisplayName("The head moved by the other writer since this one's last commit: nothing written from the stale head, the next record goes after the other's")
    void aMovedHeadIsFoundAndFollowed() throws Exception {
        AuditWriter first = writer();
        AuditWriter second = writer();
        assertEquals(1, commit(first, 0));
        assertEquals(2, commit(second, 1)); // the first writer's head (position 1) is now stale
        assertEquals(0, first.headMoved());

        assertEquals(3, commit(first, 2), "linked after the second writer's record, not after its own");
        int found = postgres != null ? 1 : 0; // SQLite and H2 read the head under lock every time: never a stale one
        assertEquals(found, first.headMoved(), "it found the head moved, once");
        for (int i = 0; i < AuditWriter.LOCKED_AFTER_MOVE; i++) {
            assertEquals(4 + i, commit(first, 3 + i));
        }
        assertEquals(0, first.afterKnownHead(), "after the head was found moved, the next batches read it under lock");
        long next = 4 + AuditWriter.LOCKED_AFTER_MOVE;
        assertEquals(next, commit(first, 99));
        assertEquals(found, first.afterKnownHead(), "then, on PostgreSQL, it goes after the head it knows again");
        assertEquals(found, first.headMoved());
        assertChain(next);
    }

    @Test
    @DisplayName("Two writers taking records at once, each trying its known head at every batch: every record committed once at its own position, and one valid chain")
    void twoWritersAtOnceKeepOneChain() throws Exception {
        AuditWriter first = writer(0); // no locked batches after a move: the writers meet at the head as often as can be
        AuditWriter second = writer(0);
        int each = 300;
        List<CompletableFuture<Long>> commits = new ArrayList<>();
        for (int i = 0; i < each; i++) { // in bursts, so that both writers have batches under way at the same time
            commits.add(first.submit(entry(2 * i), AT, () -> "{}"));
            commits.add(second.submit(entry(2 * i + 1), AT, () -> "{}"));
            if (i % 25 == 24) {
                Thread.sleep(5);
            }
        }
        TreeSet<Long> positions = new TreeSet<>();
        for (CompletableFuture<Long> commit : commits) {
            positions.add(commit.get(60, TimeUnit.SECONDS));
        }
        assertEquals(new TreeSet<>(range(1, 2 * each)), positions, "each record at its own position, none skipped");
        if (postgres != null) {
            assertTrue(first.headMoved() + second.headMoved() > 0, "the writers met: one found the head moved by the other");
        }
        System.out.printf("two writers, %d records each: the head found moved %d and %d times, batches after the known"
                + " head %d and %d%n", each, first.headMoved(), second.headMoved(), first.afterKnownHead(),
                second.afterKnownHead());
        assertChain(2 * each);
    }

    @Test
    @DisplayName("A ruleset stored ahead (at start-up) is in the store before any record, and the first record does not store it again")
    void rulesetStoredAhead() throws Exception {
        AuditWriter writer = writer();
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        writer.storeRuleset("sha256:chain-test", () -> {
            read.incrementAndGet();
            return "[{\"name\":\"rules/ahead.drl\",\"content\":\"\"}]";
        });
        String files = null;
        for (int i = 0; i < 1_000 && files == null; i++) {
            files = new AuditRepository(databases.get(0)).rulesetFiles("sha256:chain-test")
                    .map(list -> list.get(0).name()).orElse(null);
            if (files == null) {
                Thread.sleep(10);
            }
        }
        assertEquals("rules/ahead.drl", files, "stored before any record");
        assertEquals(1, writer.submit(entry(0), AT, () -> {
            throw new AssertionError("the first record's commit stored the ruleset again");
        }).get(30, TimeUnit.SECONDS));
        assertEquals(1, read.get());
        assertChain(1);
    }

    @Test
    @DisplayName("A batch larger than one statement can carry (batch size set to 5,000, 3,000 records waiting): written the locked way, all of it")
    void aBatchTooLargeForOneStatementIsWrittenTheLockedWay() throws Exception {
        AuditWriter writer = writer(AuditWriter.LOCKED_AFTER_MOVE, 5_000);
        assertEquals(1, commit(writer, 0)); // the head is known from here on
        int waiting = 3 * AuditWriter.MOST_IN_ONE_STATEMENT;
        List<CompletableFuture<Long>> commits = new ArrayList<>();
        try (Connection blocker = databases.get(0).connection()) { // holds the head's lock: the writer's next batch waits
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) { // the head's row locked (on SQLite the file's write lock)
                lock.executeUpdate("UPDATE chain_head SET position = position WHERE id = 1");
            }
            commits.add(writer.submit(entry(1), AT, () -> "{}")); // taken at once, then waits for the lock
            for (int i = 0; i < 1_000 && writer.writing() == 0; i++) {
                Thread.sleep(10);
            }
            assertEquals(1, writer.writing(), "the writer is writing the single record, a batch of its own");
            for (int i = 0; i < waiting; i++) { // these wait in the queue for the batch after it
                commits.add(writer.submit(entry(2 + i), AT, () -> "{}"));
            }
            blocker.rollback();
        }
        TreeSet<Long> positions = new TreeSet<>();
        for (CompletableFuture<Long> commit : commits) {
            positions.add(commit.get(60, TimeUnit.SECONDS));
        }
        assertEquals(new TreeSet<>(range(2, waiting + 2)), positions);
        assertEquals(postgres != null ? 1 : 0, writer.afterKnownHead(),
                "on PostgreSQL only the single record went as one statement; the batch of 3,000 the locked way");
        assertEquals(0, writer.headMoved());
        assertChain(waiting + 2);
    }

    private static long commit(AuditWriter writer, int i) throws Exception {
        return writer.submit(entry(i), AT, () -> "{}").get(30, TimeUnit.SECONDS);
    }

    private static AuditEntry entry(int i) {
        Instant at = AT.plusMillis(i);
        return new AuditEntry(EvaluationIds.next(at).toString(), at.toString(), "test", "PT-CHAIN-" + (i % 7),
                "sha256:chain-test", "ok", "{}", "{\"patientId\":\"PT-CHAIN\",\"n\":" + i + "}", "{\"status\":\"ok\"}",
                List.of());
    }

    private static List<Long> range(long from, long to) {
        List<Long> numbers = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    /** The trail holds exactly this many records, the head is at the last, and every link verifies. */
    private void assertChain(long records) throws Exception {
        AuditDatabase database = databases.get(0);
        try (Connection db = database.connection(); Statement statement = db.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT COUNT(*), MAX(position) FROM evaluation_record")) {
                row.next();
                assertEquals(records, row.getLong(1));
                assertEquals(records, row.getLong(2));
            }
            try (ResultSet row = statement.executeQuery("SELECT position FROM chain_head WHERE id = 1")) {
                row.next();
                assertEquals(records, row.getLong(1), "the head is at the last record");
            }
        }
        assertTrue(new AuditRepository(database).verify().valid(), "the chain is valid");
    }
}
