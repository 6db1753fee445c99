package org.lbp.cds.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ExceptionSorter;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The audit database: a connection pool over the configured JDBC URL (the embedded SQLite file by default, an existing
 * embedded H2 file, or PostgreSQL, see {@link StoreKind}), with the schema migrated by Flyway
 * ({@code db/migration/<kind>}), and every commit written before the records are answered (SQLite: each commit
 * written to its write-ahead log, and synced with synchronous FULL; H2: a checkpoint after each commit,
 * {@link #forceWrite}; PostgreSQL: synchronous commit). If the database is down at start-up the service still starts;
 * the migration is retried before the next write, and evaluations answer 503 until it succeeds.
 */
@ApplicationScoped
public class AuditDatabase {

    private static final Logger LOG = Logger.getLogger(AuditDatabase.class);

    /** How long an SQLite writer waits for another holder of the write lock (another instance on the same file). */
    static final int SQLITE_BUSY_TIMEOUT_MS = 3000;
    /** How long the readiness check waits for SQLite's write lock. */
    static final int SQLITE_READY_LOCK_WAIT_MS = 1000;

    private final AuditConfig config;
    private final String url;
    private final StoreKind kind;
    private volatile AgroalDataSource dataSource;
    private volatile boolean migrated;
    /** Held by the writer around each batch; on SQLite also by its checkpoints' thread (see {@link SqliteCheckpoints}). */
    private final java.util.concurrent.locks.ReentrantLock writes = new java.util.concurrent.locks.ReentrantLock();
    /** SQLite's checkpoints, started with the pool. */
    private SqliteCheckpoints checkpoints;

    public AuditDatabase(AuditConfig config) {
        this.config = config;
        this.url = config.url();
        this.kind = StoreKind.of(url);
        if (kind == StoreKind.H2 && config.jdbcUrl().filter(given -> !given.isBlank()).isEmpty()) {
            LOG.infof("The data folder %s holds an H2 audit store from before SQLite became the embedded default: it is"
                    + " kept (new data folders get SQLite)", config.dataDir());
        }
    }

    public StoreKind kind() {
        return kind;
    }

    /** A connection from the pool, the schema migrated first if it is not yet. */
    public Connection connection() throws SQLException {
        AgroalDataSource pool = pool();
        if (!migrated) {
            migrate(pool);
        }
        return pool.getConnection();
    }

    /** The writer holds this around each batch (see {@link SqliteCheckpoints}); nobody else takes it on other stores. */
    java.util.concurrent.locks.Lock writes() {
        return writes;
    }

    public boolean isPostgreSql() {
        return kind == StoreKind.POSTGRESQL;
    }

    private synchronized void migrate(AgroalDataSource pool) {
        if (migrated) {
            return;
        }
        long start = System.nanoTime();
        var result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/" + kind.code())
                .load()
                .migrate();
        if (kind == StoreKind.H2) {
            keepBackgroundHousekeeping(pool);
        }
        migrated = true;
        LOG.infof("Audit store %s: schema at version %s (%d migrations applied) in %d ms", redacted(url),
                result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion, result.migrationsExecuted,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * H2 keeps committed changes in memory and writes them to its file in the background, up to WRITE_DELAY (500 ms)
     * later: a process killed in that window loses evaluations that were already answered (measured: 40 answered,
     * 35 recorded). The audit writer therefore writes each group commit to the file itself ({@link #forceWrite}).
     * H2's own background writer must keep running: it is also what frees the space of superseded chunks. With
     * {@code SET WRITE_DELAY 0} (what this service set before) H2 stops that thread, and the file grew by about three
     * times the records' size, without end (9.7 GB after 370,000 evaluations). This sets the delay back to H2's
     * default, a persistent setting, also in stores where it was set to 0; a store that refuses it is not used.
     */
    private static void keepBackgroundHousekeeping(AgroalDataSource pool) {
        try (Connection connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY " + H2_WRITE_DELAY_MS);
        } catch (SQLException e) {
            throw new IllegalStateException("the H2 audit store's write delay cannot be set: " + e.getMessage(), e);
        }
    }

    /** H2's default write delay: its background thread writes and frees space this often. */
    static final int H2_WRITE_DELAY_MS = 500;

    /**
     * After a commit, before the records are answered: on H2, writes the committed changes to the file now
     * ({@code CHECKPOINT}: H2 serialises the changed pages and writes them, without fsync). On PostgreSQL the commit
     * itself waited for the write-ahead log (synchronous commit, set on every pool connection), and on SQLite it wrote
     * its write-ahead log (and synced it, with synchronous FULL), so nothing is left.
     */
    void forceWrite(Connection connection) throws SQLException {
        if (kind == StoreKind.H2) {
            try (var statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        }
    }

    private AgroalDataSource pool() throws SQLException {
        AgroalDataSource current = dataSource;
        if (current == null) {
            synchronized (this) {
                if (dataSource == null) {
                    AgroalDataSourceConfigurationSupplier supplier = new AgroalDataSourceConfigurationSupplier()
                            .connectionPoolConfiguration(pool -> pool
                                    .minSize(0)
                                    .maxSize(config.poolSize())
                                    .acquisitionTimeout(Duration.ofSeconds(3))
                                    .validateOnBorrow(true)
                                    .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(2))
                                    .exceptionSorter(ExceptionSorter.fatalExceptionSorter())
                                    .maxLifetime(Duration.ofMinutes(30))
                                    .connectionFactoryConfiguration(factory -> {
                                        factory.jdbcUrl(url).loginTimeout(Duration.ofSeconds(3));
                                        if (isPostgreSql()) { // whatever the server's default: a commit waits for the disk
                                            factory.initialSql("SET synchronous_commit TO on");
                                        }
                                        if (kind == StoreKind.SQLITE) {
                                            sqliteSettings(factory, config.sqliteSynchronous());
                                        }
                                        config.username().ifPresent(user -> factory.principal(new NamePrincipal(user)));
                                        config.password().ifPresent(pw -> factory.credential(new SimplePassword(pw)));
                                        return factory;
                                    }));
                    if (kind == StoreKind.SQLITE) {
                        createFolder();
                    }
                    AgroalDataSource created = AgroalDataSource.from(supplier);
                    if (kind == StoreKind.SQLITE) {
                        checkpoints = new SqliteCheckpoints(() -> {
                            try {
                                return created.getConnection();
                            } catch (SQLException e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        }, writes);
                        checkpoints.start();
                    }
                    dataSource = created;
                }
                current = dataSource;
            }
        }
        return current;
    }

    /**
     * SQLite, set on every connection of the pool:
     * <ul>
     * <li>write-ahead log: readers (auditors' searches) never block the writer, nor it them;</li>
     * <li>{@code synchronous} as configured ({@link AuditConfig#sqliteSynchronous}): NORMAL, a commit is written to
     * the operating system before the answer and synced at each checkpoint, so an answered evaluation survives a killed
     * process and the store stays intact after a power loss; FULL, each commit is synced before the answer;</li>
     * <li>no checkpoint in the commits: {@link SqliteCheckpoints} does them on a thread of its own;</li>
     * <li>foreign keys enforced (a record names a stored ruleset), as on the other stores; SQLite leaves them off
     * unless asked;</li>
     * <li>{@code LIKE} case-sensitive, as on the other stores (a search by rule id {@code r05} finds no {@code R05});</li>
     * <li>transactions that take the write lock at their start ({@code BEGIN IMMEDIATE}, see {@link #begin}): the
     * writer then reads the chain head under the lock, as {@code SELECT ... FOR UPDATE} does elsewhere, so that two
     * instances sharing the file cannot link two records to the same head; one waits up to
     * {@link #SQLITE_BUSY_TIMEOUT_MS} for the other;</li>
     * <li>the log cut back to {@link #SQLITE_LOG_KEPT_BYTES} when it starts again, and times stored as milliseconds.</li>
     * </ul>
     */
    private static void sqliteSettings(io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier factory,
            AuditConfig.SqliteSync synchronous) {
        factory.jdbcProperty("journal_mode", "WAL");
        factory.jdbcProperty("synchronous", synchronous.name());
        factory.jdbcProperty("wal_autocheckpoint", "0");
        factory.jdbcProperty("foreign_keys", "true");
        factory.jdbcProperty("case_sensitive_like", "true");
        factory.jdbcProperty("transaction_mode", "IMMEDIATE");
        factory.jdbcProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
        // once the log starts again, a log that grew larger (a long burst) is cut back to this size
        factory.jdbcProperty("journal_size_limit", Long.toString(SQLITE_LOG_KEPT_BYTES));
        // times as the writer and the searches bind them: milliseconds since 1970 UTC, whatever the URL says
        factory.jdbcProperty("date_class", "INTEGER");
        factory.jdbcProperty("date_precision", "MILLISECONDS");
    }

    /**
     * The most of SQLite's write-ahead log kept on disk once it starts again: more than the log grows to between two
     * restarts ({@link SqliteCheckpoints#RESTART_PAGES}), so that it is not cut and grown again each time.
     */
    static final long SQLITE_LOG_KEPT_BYTES = 16L * 1024 * 1024;

    /** SQLite makes its file, not the folders above it (H2 makes both). */
    private void createFolder() throws SQLException {
        String path = url.substring("jdbc:sqlite:".length());
        int parameters = path.indexOf('?');
        path = parameters < 0 ? path : path.substring(0, parameters);
        if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) {
            return; // in memory, or a URI the driver resolves
        }
        java.nio.file.Path folder = java.nio.file.Path.of(path).toAbsolutePath().getParent();
        try {
            if (folder != null) {
                java.nio.file.Files.createDirectories(folder);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("the audit store's folder cannot be made: " + folder, e);
        }
    }

    /**
     * Begins a write transaction. On SQLite an explicit {@code BEGIN IMMEDIATE} on a connection left in autocommit: the
     * driver's own transactions ({@code setAutoCommit(false)}) begin the next one inside {@code commit()} and
     * {@code rollback()}, taking the write lock again at once, so that a commit that succeeded could still fail there
     * (another process holding the lock for longer than the busy timeout) and the lock would stay taken until the
     * connection went back to the pool. Elsewhere the JDBC way.
     */
    void begin(Connection connection) throws SQLException {
        if (kind == StoreKind.SQLITE) {
            try (var statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
            }
        } else {
            connection.setAutoCommit(false);
        }
    }

    void commit(Connection connection) throws SQLException {
        if (kind == StoreKind.SQLITE) {
            try (var statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
        } else {
            connection.commit();
        }
    }

    /** Undoes the transaction begun by {@link #begin}; a broken connection is left to the pool to discard. */
    void rollback(Connection connection) {
        try {
            if (kind == StoreKind.SQLITE) { // refused when the failure already ended the transaction: ignored
                try (var statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                }
            } else {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    /**
     * Whether the store can take a record now (readiness). SQLite is a file that always opens: it is ready when its
     * write lock can be taken within {@link #SQLITE_READY_LOCK_WAIT_MS}, that is when no other process holds it (it
     * proves no more: a full disk still passes). The answer is kept for {@link #SQLITE_READY_KEPT_MS}, so that probes,
     * which anyone may send, take the lock the writer needs (and a pool connection) at most once in that time; a batch
     * the writer commits meanwhile makes it ready at once ({@link #committed}). The other stores are ready when a
     * connection answers.
     */
    public boolean ready(Connection connection) throws SQLException {
        if (kind != StoreKind.SQLITE) {
            return connection.isValid(2);
        }
        long now = System.nanoTime();
        Readiness last = readiness;
        if (last != null && now - last.at() < SQLITE_READY_KEPT_MS * 1_000_000L) {
            return last.ready();
        }
        boolean ready = sqliteWriteLockFree(connection);
        readiness = new Readiness(System.nanoTime(), ready);
        return ready;
    }

    /** How long a readiness answer on SQLite is kept. */
    static final long SQLITE_READY_KEPT_MS = 1000;

    /** A batch was committed: the write lock could be taken, so the store is ready now (a kept "not ready" ends). */
    void committed() {
        if (kind == StoreKind.SQLITE) {
            readiness = new Readiness(System.nanoTime(), true);
        }
    }

    private record Readiness(long at, boolean ready) {
    }

    private volatile Readiness readiness;

    private static boolean sqliteWriteLockFree(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + SQLITE_READY_LOCK_WAIT_MS);
            try {
                statement.execute("BEGIN IMMEDIATE");
            } catch (SQLException busy) { // held by another process (SQLITE_BUSY), or the file cannot be written
                LOG.debugf("audit store not ready: %s", busy.getMessage());
                return false;
            } finally {
                statement.execute("PRAGMA busy_timeout = " + SQLITE_BUSY_TIMEOUT_MS);
            }
            statement.execute("ROLLBACK");
            return true;
        }
    }

    /** Start-up: open the pool and migrate; a store that is down is logged, not fatal. */
    public void start() {
        try (Connection connection = connection()) {
            LOG.debugf("audit store reachable: %s", connection.getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("Audit store %s is not reachable at start-up (%s): evaluations answer 503 until it is",
                    redacted(url), e.getMessage());
        }
    }

    /** The URL without credentials, for logs. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }

    @PreDestroy
    public void close() {
        if (checkpoints != null) {
            checkpoints.stop();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
