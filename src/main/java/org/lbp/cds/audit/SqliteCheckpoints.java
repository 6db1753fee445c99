package org.lbp.cds.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * SQLite's checkpoints (its write-ahead log copied into the database file, and both synced), on a thread of their own
 * instead of in the writer's commits. With {@code synchronous} NORMAL a commit is not synced; a checkpoint is, twice,
 * and a sync can take long (on ext4 it also writes out other files' pending data): in the committing thread, as SQLite
 * does them by itself, every answer behind it waited (docs/performance.md).
 * <p>
 * Every {@link #PERIOD_MS} this thread copies what the log holds ({@code PASSIVE}: the writer goes on meanwhile). The
 * log starts again from its beginning only when a write transaction begins after a checkpoint that copied all of it,
 * which never happens while the writer commits during every checkpoint (measured: 0.8 GB of log in 25 s at 1,100
 * records a second). So once the log holds {@link #RESTART_PAGES}, the last checkpoint runs while the writer waits
 * ({@link #writes}, which the writer holds around each batch): it copies only what came since the one before, and the
 * writer's next transaction starts the log again.
 */
final class SqliteCheckpoints implements Runnable {

    private static final Logger LOG = Logger.getLogger(SqliteCheckpoints.class);

    /** How often the log is copied into the file. */
    static final long PERIOD_MS = 50;
    /** From this many pages of log (4 KiB each), the writer waits for a checkpoint that lets the log start again. */
    static final long RESTART_PAGES = 2000;

    private final Supplier<Connection> connections;
    /** Held by the writer around each batch, and by this thread for the checkpoint after which the log starts again. */
    private final Lock writes;
    private volatile boolean running = true;
    private Thread thread;

    /**
     * @param connections a connection of the store (from its pool), or an exception
     * @param writes      the lock the writer holds around each batch
     */
    SqliteCheckpoints(Supplier<Connection> connections, Lock writes) {
        this.connections = connections;
        this.writes = writes;
    }

    void start() {
        thread = new Thread(this, "audit-checkpoints");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MS);
                checkpoint();
            } catch (InterruptedException e) {
                return; // stopping
            } catch (SQLException | RuntimeException e) { // the store is down, or busy: the next round tries again
                LOG.debugf("audit store: checkpoint not done: %s", e.getMessage());
            }
        }
    }

    /** One round: the log copied; if it has grown to {@link #RESTART_PAGES}, copied again with the writer waiting. */
    void checkpoint() throws SQLException {
        try (Connection connection = connections.get(); Statement statement = connection.createStatement()) {
            long[] log = passive(statement);
            if (log[0] >= RESTART_PAGES) {
                writes.lock();
                try {
                    log = passive(statement);
                } finally {
                    writes.unlock();
                }
                if (log[0] != log[1]) {
                    LOG.debugf("audit store: the write-ahead log (%d pages) could not all be copied (%d): a reader holds it",
                            log[0], log[1]);
                }
            }
        }
    }

    /** {@code PRAGMA wal_checkpoint(PASSIVE)}: the log's pages, and how many of them are now in the file. */
    private static long[] passive(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            row.next();
            return new long[] {row.getLong(2), row.getLong(3)};
        }
    }
}
