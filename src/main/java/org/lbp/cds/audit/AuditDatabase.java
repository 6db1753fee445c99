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
 * The audit database: a connection pool over the configured JDBC URL (embedded H2 file by default, or PostgreSQL),
 * with the schema migrated by Flyway ({@code db/migration/<vendor>}), and every commit written before the records are
 * answered (H2: a checkpoint after each commit, {@link #forceWrite}; PostgreSQL: synchronous commit). If the database
 * is down at start-up the service still starts; the migration is retried before the next write, and evaluations
 * answer 503 until it succeeds.
 */
@ApplicationScoped
public class AuditDatabase {

    private static final Logger LOG = Logger.getLogger(AuditDatabase.class);

    private final AuditConfig config;
    private volatile AgroalDataSource dataSource;
    private volatile boolean migrated;

    public AuditDatabase(AuditConfig config) {
        this.config = config;
    }

    /** A connection from the pool, the schema migrated first if it is not yet. */
    public Connection connection() throws SQLException {
        AgroalDataSource pool = pool();
        if (!migrated) {
            migrate(pool);
        }
        return pool.getConnection();
    }

    public boolean isPostgreSql() {
        return config.url().startsWith("jdbc:postgresql:");
    }

    private synchronized void migrate(AgroalDataSource pool) {
        if (migrated) {
            return;
        }
        long start = System.nanoTime();
        var result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/" + (isPostgreSql() ? "postgresql" : "h2"))
                .load()
                .migrate();
        if (!isPostgreSql()) {
            keepBackgroundHousekeeping(pool);
        }
        migrated = true;
        LOG.infof("Audit store %s: schema at version %s (%d migrations applied) in %d ms", redacted(config.url()),
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
     * itself waited for the write-ahead log (synchronous commit, set on every pool connection), so nothing is left.
     */
    void forceWrite(Connection connection) throws SQLException {
        if (!isPostgreSql()) {
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
                                        factory.jdbcUrl(config.url()).loginTimeout(Duration.ofSeconds(3));
                                        if (isPostgreSql()) { // whatever the server's default: a commit waits for the disk
                                            factory.initialSql("SET synchronous_commit TO on");
                                        }
                                        config.username().ifPresent(user -> factory.principal(new NamePrincipal(user)));
                                        config.password().ifPresent(pw -> factory.credential(new SimplePassword(pw)));
                                        return factory;
                                    }));
                    dataSource = AgroalDataSource.from(supplier);
                }
                current = dataSource;
            }
        }
        return current;
    }

    /** Start-up: open the pool and migrate; a store that is down is logged, not fatal. */
    public void start() {
        try (Connection connection = connection()) {
            LOG.debugf("audit store reachable: %s", connection.getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("Audit store %s is not reachable at start-up (%s): evaluations answer 503 until it is",
                    redacted(config.url()), e.getMessage());
        }
    }

    /** The URL without credentials, for logs. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }

    @PreDestroy
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
