package org.lbp.cds.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Appends records to the chain. One writer thread per service instance takes the records waiting and writes them in
 * one transaction (group commit): it locks the chain head row ({@code SELECT ... FOR UPDATE}; on SQLite the transaction
 * takes the file's write lock at its start), links each record to the previous hash, inserts the records (each with
 * its firings, {@link StoredFirings}), moves the head and commits. On PostgreSQL, once it has moved the head, it links the next records to the head it left and moves the head only if
 * it is still there, in one statement with the inserts (one round trip instead of four); if another instance moved it
 * meanwhile, nothing is written and the batch takes the locked way. The head row serialises writers of every instance
 * sharing the database either way, so the chain stays linear with any number of threads and instances. A caller
 * learns its record is committed when its future completes; on any failure the whole batch fails, nothing of it is
 * kept, and the next batch starts with a fresh connection and reads the head again.
 */
final class AuditWriter implements Runnable {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);

    /**
     * A record waiting to be written, with the ruleset it ran under (stored once per version) and its firings in their
     * stored form, made on the caller's thread so the single writer thread only links and inserts.
     */
    record Pending(AuditEntry entry, Instant evaluatedAt, Supplier<String> rulesetFiles, String firings, String ruleIds,
            CompletableFuture<Long> done) {
    }

    /** A rejected request, counted without its body. */
    record Rejection(Instant at, String caller, int errorCount) {
    }

    /** A ruleset to store ahead of the records that will name it (at start-up). */
    record Ruleset(String version, Supplier<String> files) {
    }

    private final AuditDatabase database;
    private final int batchSize;
    private final org.lbp.cds.ops.ServiceMetrics metrics;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(100_000);
    private final Set<String> storedRulesets = ConcurrentHashMap.newKeySet();
    /** The last thing the writer takes: put by {@link #stop}, after which nothing is admitted. */
    private static final Object STOP = new Object();
    private final Object admission = new Object();
    private volatile boolean running = true;
    /**
     * What ended the writer thread when it was not asked to stop (an Error, or an interrupt): the service cannot record
     * any more.
     */
    private volatile Throwable died;
    /** The records being written, failed if the thread dies while writing them. */
    private volatile List<Pending> writing = List.of();
    /** The head as this writer last moved it (PostgreSQL); null when it does not know (start, a failed batch, another writer). */
    private Head head;
    /**
     * Batches left to write the locked way after the head was found moved: with two busy instances the head is mostly
     * moved by the other, and a try from the known head would cost a round trip more than the locked way.
     */
    private int lockedAfterMove;
    static final int LOCKED_AFTER_MOVE = 16;
    /** {@link #LOCKED_AFTER_MOVE}, or 0 in a test that makes two writers meet at every batch. */
    private final int lockedBatchesAfterMove;
    private final AtomicLong headMoved = new AtomicLong();
    private final AtomicLong afterKnownHead = new AtomicLong();
    private Thread thread;

    AuditWriter(AuditDatabase database, int batchSize, org.lbp.cds.ops.ServiceMetrics metrics) {
        this(database, batchSize, metrics, LOCKED_AFTER_MOVE);
    }

    AuditWriter(AuditDatabase database, int batchSize, org.lbp.cds.ops.ServiceMetrics metrics, int lockedBatchesAfterMove) {
        this.database = database;
        this.batchSize = batchSize;
        this.metrics = metrics;
        this.lockedBatchesAfterMove = lockedBatchesAfterMove;
    }

    void start() {
        thread = new Thread(this, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops taking records, commits every record already taken (a request waiting for its commit is answered), then
     * stops the thread; if that takes longer than {@code wait} (a store that hangs), the thread is interrupted and the
     * records left fail, so their requests answer 503.
     */
    void stop(Duration wait) {
        synchronized (admission) {
            if (!running) {
                return;
            }
            running = false;
            queue.offer(STOP);
        }
        if (thread != null) {
            try {
                thread.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warnf("audit store: the writer did not finish its records within %s of the stop; interrupted", wait);
                thread.interrupt();
            } else if (died == null) {
                LOG.info("Audit writer stopped, its queue drained");
            }
        }
        failLeft();
        if (thread != null && thread.isAlive()) {
            queue.offer(STOP); // a writer stuck in the store that comes back ends at once, rather than waiting for ever
        }
    }

    CompletableFuture<Long> submit(AuditEntry entry, Instant evaluatedAt, Supplier<String> rulesetFiles) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Pending pending = new Pending(entry, evaluatedAt, rulesetFiles, StoredFirings.json(entry.firings()),
                StoredFirings.ruleIds(entry.firings()), done);
        synchronized (admission) { // nothing is admitted behind the stop mark, so everything admitted is written
            if (!running) {
                done.completeExceptionally(new IllegalStateException("the service is stopping"));
            } else if (died != null) {
                done.completeExceptionally(new IllegalStateException("the audit writer has died", died));
            } else if (queue.remainingCapacity() <= 1 || !queue.offer(pending)) { // the last place is the stop mark's
                done.completeExceptionally(new IllegalStateException("audit queue full"));
            }
        }
        return done;
    }

    /**
     * Stores a ruleset version in a transaction of its own, ahead of the records that will name it, so that the first
     * record's commit does not carry it. Best effort: if it fails (the store is down), the first record stores it.
     */
    void storeRuleset(String version, Supplier<String> files) {
        synchronized (admission) {
            if (running && queue.remainingCapacity() > 1) { // the last place is the stop mark's
                queue.offer(new Ruleset(version, files));
            }
        }
    }

    void reject(Rejection rejection) {
        synchronized (admission) {
            if (running && queue.remainingCapacity() > 1) { // the last place is the stop mark's
                queue.offer(rejection); // best effort: counting never delays or fails a 400
            }
        }
    }

    /** The error the writer thread died of, if it died without being stopped; then nothing can be recorded. */
    Throwable died() {
        return died;
    }

    /** The writer's thread, for a test that interrupts it. */
    Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        try {
            write();
            if (running) { // it ended without the stop mark: interrupted, and nothing will write what comes next
                recordDeath(new InterruptedException("the audit writer thread was interrupted without being stopped"));
            }
        } catch (Throwable e) { // an Error (out of memory, a class that cannot load): nothing more can be recorded
            recordDeath(e);
        } finally {
            failLeft(); // after the death is known nothing more is admitted, so nothing is left waiting behind this
        }
    }

    private void recordDeath(Throwable cause) {
        synchronized (admission) { // a record admitted before this is in the queue that failLeft empties next
            died = cause;
        }
        LOG.error("audit store: the writer thread died; no evaluation can be recorded or answered until the service"
                + " restarts (liveness reports it)", cause);
        writing.forEach(pending -> pending.done.completeExceptionally(cause));
    }

    private void write() {
        List<Object> batch = new ArrayList<>(batchSize);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, batchSize - 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            List<Pending> records = new ArrayList<>(batch.size());
            List<Rejection> rejections = new ArrayList<>();
            for (Object item : batch) {
                if (item instanceof Pending pending) {
                    records.add(pending);
                } else if (item instanceof Rejection rejection) {
                    rejections.add(rejection);
                } else if (item instanceof Ruleset ruleset) {
                    storeAhead(ruleset);
                } else {
                    stopping = true; // the stop mark comes last: everything before it is in this batch or written
                }
            }
            batch.clear();
            java.util.concurrent.locks.Lock writes = database.writes(); // see SqliteCheckpoints
            writes.lock();
            try {
                if (!records.isEmpty()) {
                    writing = records;
                    writeRecords(records);
                    writing = List.of();
                }
                if (!rejections.isEmpty()) {
                    writeRejections(rejections);
                }
            } finally {
                writes.unlock();
            }
        }
    }

    /** Records the writer will not write (it was interrupted, or never started) fail: their requests answer 503. */
    private void failLeft() {
        Object left;
        while ((left = queue.poll()) != null) {
            if (left instanceof Pending pending) {
                pending.done.completeExceptionally(new IllegalStateException("the service is stopping"));
            }
        }
    }

    private void writeRecords(List<Pending> records) {
        long start = System.nanoTime();
        try (Connection connection = database.connection()) {
            boolean known = database.isPostgreSql() && head != null && lockedAfterMove == 0
                    && records.size() <= MOST_IN_ONE_STATEMENT && rulesetsStored(records);
            if (!known && lockedAfterMove > 0) {
                lockedAfterMove--;
            }
            List<Long> positions = known ? appendAfterKnownHead(connection, records) : null;
            if (positions == null) {
                positions = appendUnderLock(connection, records);
            }
            metrics.auditCommitted(System.nanoTime() - start, records.size());
            database.committed();
            for (int i = 0; i < records.size(); i++) {
                records.get(i).done.complete(positions.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            head = null;
            forgetRulesets();
            LOG.errorf("audit store: %d record(s) not committed: %s", records.size(), e.getMessage());
            records.forEach(pending -> pending.done.completeExceptionally(e));
        }
    }

    private boolean rulesetsStored(List<Pending> records) {
        for (Pending pending : records) {
            if (!storedRulesets.contains(pending.entry.rulesetVersion())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The common case on PostgreSQL: this writer moved the head last, so it links the records to the head it knows, and
     * one statement in its own transaction moves the head only if it is still there ({@code UPDATE ... WHERE position
     * = ? AND hash = ?}) and inserts the records only if it moved: one round trip, where the locked path takes four. If
     * another writer moved the head meanwhile, the update matches nothing (PostgreSQL checks the condition again on the
     * row as the other writer committed it), nothing is written, and this returns null: the caller takes the locked
     * path, and so do the next {@link #LOCKED_AFTER_MOVE} batches. SQLite and H2 always take the locked path: embedded,
     * they have no round trips to save (on SQLite the lock is the transaction's own), and on H2 a faster commit only
     * makes more and smaller chunks.
     */
    private List<Long> appendAfterKnownHead(Connection connection, List<Pending> records) throws SQLException {
        Linked linked = link(head, records);
        connection.setAutoCommit(true);
        try (PreparedStatement statement = connection.prepareStatement(moveAndInsert(records.size()))) {
            statement.setLong(1, linked.last().position());
            statement.setString(2, linked.last().hash());
            statement.setLong(3, head.position());
            statement.setString(4, head.hash());
            for (int i = 0; i < records.size(); i++) {
                bind(statement, 5 + i * RECORD_COLUMNS, records.get(i), linked, i);
            }
            if (statement.executeUpdate() == 0) {
                return moved();
            }
        }
        head = linked.last();
        afterKnownHead.incrementAndGet();
        return linked.positions();
    }

    /** Another writer moved the head since this one last did: the head is read again, under its lock. */
    private List<Long> moved() {
        head = null;
        lockedAfterMove = lockedBatchesAfterMove;
        headMoved.incrementAndGet();
        return null;
    }

    /**
     * The head locked and read ({@code SELECT ... FOR UPDATE}, or SQLite's write lock), the records linked to it and
     * inserted, the head moved, then the commit: at start, after a failure, when a ruleset is stored, and when another
     * writer moved the head.
     */
    private List<Long> appendUnderLock(Connection connection, List<Pending> records) throws SQLException {
        database.begin(connection);
        Linked linked;
        try {
            for (Pending pending : records) {
                String version = pending.entry.rulesetVersion();
                if (!storedRulesets.contains(version)) {
                    storeRuleset(connection, version, pending.rulesetFiles.get());
                }
            }
            Head locked;
            try (PreparedStatement read = connection.prepareStatement(database.kind() == StoreKind.SQLITE
                    ? "SELECT position, hash FROM chain_head WHERE id = 1" // the transaction holds the write lock
                    : "SELECT position, hash FROM chain_head WHERE id = 1 FOR UPDATE");
                    ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the chain head row is missing");
                }
                locked = new Head(row.getLong(1), row.getString(2));
            }
            linked = link(locked, records);
            insert(connection, records, linked);
            moveHead(connection, linked.last());
            database.commit(connection);
        } catch (SQLException | RuntimeException e) {
            database.rollback(connection);
            throw e;
        }
        // on H2, the file is written now; if that fails the records are in the trail but not answered (503), as when
        // the process dies between the commit and the answer
        database.forceWrite(connection);
        head = linked.last();
        return linked.positions();
    }

    private static void moveHead(Connection connection, Head to) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement("UPDATE chain_head SET position = ?, hash = ? WHERE id = 1")) {
            move.setLong(1, to.position());
            move.setString(2, to.hash());
            move.executeUpdate();
        }
    }

    /** The chain's last link: a record's position and hash. */
    record Head(long position, String hash) {
    }

    /** The records linked after a head: each one's position, the hash before it, and its own hash. */
    private record Linked(List<Long> positions, List<String> previous, List<String> hashes) {
        Head last() {
            return new Head(positions.get(positions.size() - 1), hashes.get(hashes.size() - 1));
        }
    }

    private static Linked link(Head after, List<Pending> records) {
        List<Long> positions = new ArrayList<>(records.size());
        List<String> previous = new ArrayList<>(records.size());
        List<String> hashes = new ArrayList<>(records.size());
        long position = after.position();
        String hash = after.hash();
        for (Pending pending : records) {
            position++;
            previous.add(hash);
            hash = ChainHash.of(hash, pending.entry, position);
            positions.add(position);
            hashes.add(hash);
        }
        return new Linked(positions, previous, hashes);
    }

    private static final String RECORD_COLUMNS_LIST = "position, evaluation_id, evaluated_at, evaluated_at_iso, caller,"
            + " patient_id, ruleset_version, status, config, intake, protocol, firings, rule_ids, previous_hash, hash";
    private static final int RECORD_COLUMNS = 15;
    /**
     * The largest batch written as one statement: PostgreSQL's protocol takes at most 65,535 parameters per statement
     * (15 per record here). A larger batch (the batch size is configurable) takes the locked way, a batch of inserts.
     */
    static final int MOST_IN_ONE_STATEMENT = 1_000;
    /** PostgreSQL's move-and-insert statement for each batch size, made once (by the writer thread only). */
    private final Map<Integer, String> moveAndInsert = new HashMap<>();

    /**
     * One statement: the head moved if it is where this writer left it, and the records inserted only if it was (the
     * insert reads the update's result, so it inserts nothing when the update matched nothing). PostgreSQL runs a
     * data-modifying {@code WITH} exactly once, whether or not the main statement reads it.
     */
    private String moveAndInsert(int count) {
        return moveAndInsert.computeIfAbsent(count, n -> {
            StringBuilder sql = new StringBuilder("WITH moved AS (UPDATE chain_head SET position = ?, hash = ?"
                    + " WHERE id = 1 AND position = ? AND hash = ? RETURNING id) INSERT INTO evaluation_record ("
                    + RECORD_COLUMNS_LIST + ") SELECT v.* FROM moved, (VALUES ");
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "" : ", ").append("(CAST(? AS BIGINT), ?, CAST(? AS TIMESTAMP WITH TIME ZONE),"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            return sql.append(") AS v").toString();
        });
    }

    private static void insert(Connection connection, List<Pending> records, Linked linked) throws SQLException {
        try (PreparedStatement record = connection.prepareStatement("INSERT INTO evaluation_record ("
                + RECORD_COLUMNS_LIST + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < records.size(); i++) {
                bind(record, 1, records.get(i), linked, i);
                record.addBatch();
            }
            record.executeBatch();
        }
    }

    /** Binds the i-th record's columns, in {@link #RECORD_COLUMNS_LIST}'s order, from parameter {@code first} on. */
    private static void bind(PreparedStatement statement, int first, Pending pending, Linked linked, int i)
            throws SQLException {
        AuditEntry entry = pending.entry;
        statement.setLong(first, linked.positions().get(i));
        statement.setString(first + 1, entry.evaluationId());
        statement.setTimestamp(first + 2, Timestamp.from(pending.evaluatedAt));
        statement.setString(first + 3, entry.evaluatedAtIso());
        statement.setString(first + 4, entry.caller());
        statement.setString(first + 5, entry.patientId());
        statement.setString(first + 6, entry.rulesetVersion());
        statement.setString(first + 7, entry.status());
        statement.setString(first + 8, entry.config());
        statement.setString(first + 9, entry.intake());
        statement.setString(first + 10, entry.protocol());
        statement.setString(first + 11, pending.firings);
        statement.setString(first + 12, pending.ruleIds);
        statement.setString(first + 13, linked.previous().get(i));
        statement.setString(first + 14, linked.hashes().get(i));
    }

    /** How often another writer had moved the head when this one tried to move it from where it left it. */
    long headMoved() {
        return headMoved.get();
    }

    /** How many batches were committed after the head this writer knew, without reading it. */
    long afterKnownHead() {
        return afterKnownHead.get();
    }

    /** How many records the writer is writing now (its batch under way), 0 between batches. */
    int writing() {
        return writing.size();
    }

    private void storeRuleset(Connection connection, String version, String files) throws SQLException {
        // Several instances may store the same version at once, and a restarted instance finds it stored: the first
        // wins, the rows are identical (the version is the files' hash). PostgreSQL and SQLite skip the duplicate; H2,
        // which has no ON CONFLICT, refuses it, and undoes only the failed statement, so the transaction goes on.
        boolean h2 = database.kind() == StoreKind.H2;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ruleset (version, stored_at, files) VALUES (?, ?, ?)"
                + (h2 ? "" : " ON CONFLICT (version) DO NOTHING"))) {
            insert.setString(1, version);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, files);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!h2 || !DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
        }
        storedRulesets.add(version); // trusted only after the commit: a failed batch forgets it
    }

    private void storeAhead(Ruleset ruleset) {
        if (storedRulesets.contains(ruleset.version())) {
            return;
        }
        try (Connection connection = database.connection()) {
            database.begin(connection);
            try {
                storeRuleset(connection, ruleset.version(), ruleset.files().get());
                database.commit(connection);
            } catch (SQLException | RuntimeException e) {
                storedRulesets.remove(ruleset.version());
                database.rollback(connection);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("audit store: ruleset %s not stored ahead (the first record stores it): %s", ruleset.version(),
                    e.getMessage());
        }
    }

    /** SQL's state for a unique key already taken. */
    private static final String DUPLICATE_KEY = "23505";

    /** Called when a batch failed: a ruleset the failed transaction stored is not stored. */
    void forgetRulesets() {
        storedRulesets.clear();
    }

    /** The rejections taken together, in one transaction (one row a transaction would cost a commit each). */
    private void writeRejections(List<Rejection> rejections) {
        try (Connection connection = database.connection()) {
            database.begin(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO rejected_request (rejected_at, caller, error_count) VALUES (?, ?, ?)")) {
                for (Rejection rejection : rejections) {
                    insert.setTimestamp(1, Timestamp.from(rejection.at()));
                    insert.setString(2, rejection.caller());
                    insert.setInt(3, rejection.errorCount());
                    insert.addBatch();
                }
                insert.executeBatch();
                database.commit(connection);
            } catch (SQLException | RuntimeException e) {
                database.rollback(connection);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("audit store: %d rejected request(s) not counted: %s", rejections.size(), e.getMessage());
        }
    }
}
