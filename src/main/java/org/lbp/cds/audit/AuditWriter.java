package org.lbp.cds.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Appends records to the chain. One writer thread per service instance takes the records waiting and writes them in
 * one transaction (group commit): it locks the chain head row ({@code SELECT ... FOR UPDATE}), links each record to
 * the previous hash, inserts the records (each with its firings, {@link StoredFirings}), moves the head and commits. The row lock serialises writers of
 * every instance sharing the database, so the chain stays linear with any number of threads and instances. A caller
 * learns its record is committed when its future completes; on any failure the whole batch fails, nothing of it is
 * kept, and the next batch starts with a fresh connection.
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
    private List<Pending> writing = List.of();
    private Thread thread;

    AuditWriter(AuditDatabase database, int batchSize, org.lbp.cds.ops.ServiceMetrics metrics) {
        this.database = database;
        this.batchSize = batchSize;
        this.metrics = metrics;
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
                } else {
                    stopping = true; // the stop mark comes last: everything before it is in this batch or written
                }
            }
            batch.clear();
            if (!records.isEmpty()) {
                writing = records;
                writeRecords(records);
                writing = List.of();
            }
            if (!rejections.isEmpty()) {
                writeRejections(rejections);
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
            connection.setAutoCommit(false);
            try {
                List<Long> positions = append(connection, records);
                connection.commit();
                // on H2, the file is written now; if that fails the records are in the trail but not answered (503),
                // as when the process dies between the commit and the answer
                database.forceWrite(connection);
                metrics.auditCommitted(System.nanoTime() - start, records.size());
                for (int i = 0; i < records.size(); i++) {
                    records.get(i).done.complete(positions.get(i));
                }
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            forgetRulesets();
            LOG.errorf("audit store: %d record(s) not committed: %s", records.size(), e.getMessage());
            records.forEach(pending -> pending.done.completeExceptionally(e));
        }
    }

    private List<Long> append(Connection connection, List<Pending> records) throws SQLException {
        for (Pending pending : records) {
            String version = pending.entry.rulesetVersion();
            if (!storedRulesets.contains(version)) {
                storeRuleset(connection, version, pending.rulesetFiles.get());
            }
        }
        long position;
        String hash;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT position, hash FROM chain_head WHERE id = 1 FOR UPDATE");
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the chain head row is missing");
            }
            position = row.getLong(1);
            hash = row.getString(2);
        }
        List<Long> positions = new ArrayList<>(records.size());
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO evaluation_record (position, evaluation_id, evaluated_at, evaluated_at_iso, caller, patient_id,"
                        + " ruleset_version, status, config, intake, protocol, firings, rule_ids, previous_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending pending : records) {
                AuditEntry entry = pending.entry;
                position++;
                String next = ChainHash.of(hash, entry, position);
                record.setLong(1, position);
                record.setString(2, entry.evaluationId());
                record.setTimestamp(3, Timestamp.from(pending.evaluatedAt));
                record.setString(4, entry.evaluatedAtIso());
                record.setString(5, entry.caller());
                record.setString(6, entry.patientId());
                record.setString(7, entry.rulesetVersion());
                record.setString(8, entry.status());
                record.setString(9, entry.config());
                record.setString(10, entry.intake());
                record.setString(11, entry.protocol());
                record.setString(12, pending.firings);
                record.setString(13, pending.ruleIds);
                record.setString(14, hash);
                record.setString(15, next);
                record.addBatch();
                positions.add(position);
                hash = next;
            }
            record.executeBatch();
        }
        try (PreparedStatement head = connection.prepareStatement("UPDATE chain_head SET position = ?, hash = ? WHERE id = 1")) {
            head.setLong(1, position);
            head.setString(2, hash);
            head.executeUpdate();
        }
        return positions;
    }

    private void storeRuleset(Connection connection, String version, String files) throws SQLException {
        boolean stored = false;
        if (!database.isPostgreSql()) { // H2 has no ON CONFLICT; one instance only, so a look first is enough
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM ruleset WHERE version = ?")) {
                exists.setString(1, version);
                try (ResultSet row = exists.executeQuery()) {
                    stored = row.next();
                }
            }
        }
        if (!stored) {
            // On PostgreSQL several instances may store the same version at once: the first wins, the rows are identical.
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ruleset (version, stored_at, files) VALUES (?, ?, ?)"
                    + (database.isPostgreSql() ? " ON CONFLICT (version) DO NOTHING" : ""))) {
                insert.setString(1, version);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.setString(3, files);
                insert.executeUpdate();
            }
        }
        storedRulesets.add(version); // trusted only after the commit: a failed batch forgets it
    }

    /** Called when a batch failed: a ruleset the failed transaction stored is not stored. */
    void forgetRulesets() {
        storedRulesets.clear();
    }

    private void writeRejections(List<Rejection> rejections) {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO rejected_request (rejected_at, caller, error_count) VALUES (?, ?, ?)")) {
            for (Rejection rejection : rejections) {
                insert.setTimestamp(1, Timestamp.from(rejection.at()));
                insert.setString(2, rejection.caller());
                insert.setInt(3, rejection.errorCount());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("audit store: %d rejected request(s) not counted: %s", rejections.size(), e.getMessage());
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }
}
