package org.lbp.cds.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.h2.tools.Server;

/**
 * A fresh audit store for one test class, of the kind the run asks for: {@code -Dlbp.test.store=sqlite} (default), the
 * embedded default, an SQLite file in a temporary folder; {@code h2}, an H2 database served over TCP from a temporary
 * folder; or {@code postgresql}, a database created for this run on the local PostgreSQL (127.0.0.1:5432, user
 * postgres) and dropped at the end. Each can be taken down and brought back: PostgreSQL refuses connections, H2's
 * server stops, and SQLite's write lock is held by another connection, as a backup or a second process would.
 */
public final class TestStore implements AutoCloseable {

    public static final String KIND = System.getProperty("lbp.test.store", "sqlite").toLowerCase(Locale.ROOT);
    public static final String PG_ADMIN_URL = System.getProperty("lbp.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String PG_USER = System.getProperty("lbp.test.pg-user", "postgres");

    private final String url;
    private final String user;
    private final boolean onPostgres;
    private final String database;
    private final Path folder;
    private Server server;
    private int port;
    /** SQLite while down: the connection that holds the write lock. */
    private Connection lockHolder;

    private TestStore(String url, String user, String database, Path folder, Server server, int port) {
        this.url = url;
        this.user = user;
        this.onPostgres = database != null;
        this.database = database;
        this.folder = folder;
        this.server = server;
        this.port = port;
    }

    public static boolean postgres() {
        return "postgresql".equals(KIND);
    }

    public static boolean sqlite() {
        return "sqlite".equals(KIND);
    }

    private boolean onSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    public static TestStore create() {
        return create(postgres());
    }

    /** A PostgreSQL store whatever the run asks for (the crash test needs one). */
    public static TestStore createPostgres() {
        return create(true);
    }

    private static TestStore create(boolean postgres) {
        try {
            if (postgres) {
                String name = "lbp_cds_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                try (Connection admin = admin();
                        Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                    // off by default here, so that only the service's own connection setting makes its commits wait
                    // for the disk (AuditTrailTest checks it on the service's connections)
                    statement.execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
                }
                return new TestStore(PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name, PG_USER, name,
                        null, null, 0);
            }
            Path folder = Files.createTempDirectory("lbp-audit-");
            if (sqlite()) {
                return new TestStore("jdbc:sqlite:" + folder.resolve(StoreKind.SQLITE_FILE), "", null, folder, null, 0);
            }
            Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", folder.toString(), "-ifNotExists").start();
            int port = server.getPort();
            return new TestStore("jdbc:h2:tcp://localhost:" + port + "/audit", "sa", null, folder, server, port);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot create the " + KIND + " test store", e);
        }
    }

    private static Connection admin() throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", PG_USER);
        return new org.postgresql.Driver().connect(PG_ADMIN_URL, properties);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** The service's audit configuration for this store (tests that wire the audit by hand). */
    public AuditConfig config() {
        return config(Optional.of(url), "unused", user);
    }

    /**
     * The embedded store of the run's kind in a folder, as one service instance has it: on an SQLite run the service's
     * default for a new data folder (SQLite), on an H2 run an H2 file. (PostgreSQL runs use {@link #createPostgres}.)
     */
    public static AuditConfig embedded(Path dataDir) {
        return "h2".equals(KIND) ? embeddedH2(dataDir) : embeddedDefault(dataDir);
    }

    /** The service's default for a data folder: no JDBC URL, so the folder decides (see {@link StoreKind#embeddedUrl}). */
    public static AuditConfig embeddedDefault(Path dataDir) {
        return config(Optional.empty(), dataDir.toString(), "sa");
    }

    /** An embedded H2 file store in a folder (tests of H2's own file, and of stores made before SQLite). */
    public static AuditConfig embeddedH2(Path dataDir) {
        return config(Optional.of("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("audit") + ";DB_CLOSE_ON_EXIT=FALSE"),
                dataDir.toString(), "sa");
    }

    /** The same with SQLite's synchronous setting. */
    public static AuditConfig embeddedDefault(Path dataDir, AuditConfig.SqliteSync synchronous) {
        return config(Optional.empty(), dataDir.toString(), "sa", synchronous);
    }

    private static AuditConfig config(Optional<String> jdbcUrl, String dataDir, String user) {
        return config(jdbcUrl, dataDir, user, AuditConfig.SqliteSync.NORMAL);
    }

    private static AuditConfig config(Optional<String> jdbcUrl, String dataDir, String user, AuditConfig.SqliteSync synchronous) {
        return new AuditConfig() {
            public boolean enabled() {
                return true;
            }

            public String dataDir() {
                return dataDir;
            }

            public Optional<String> jdbcUrl() {
                return jdbcUrl;
            }

            public Optional<String> username() {
                return user.isEmpty() ? Optional.empty() : Optional.of(user);
            }

            public Optional<String> password() {
                return Optional.empty();
            }

            public int poolSize() {
                return 4;
            }

            public Duration commitTimeout() {
                return Duration.ofSeconds(5);
            }

            public int batchSize() {
                return 64;
            }

            public SqliteSync sqliteSynchronous() {
                return synchronous;
            }
        };
    }

    /** A direct connection, as an auditor or an attacker with database access would have. */
    public Connection connect() throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        if (onSqlite()) { // a plain connection; it waits for the service's writer rather than failing at once
            properties.setProperty("busy_timeout", "10000");
            return new org.sqlite.JDBC().connect(url, properties);
        }
        properties.setProperty("user", user);
        if (!onPostgres) {
            properties.setProperty("password", "");
        }
        // the drivers directly, not DriverManager: after a Quarkus test the context class loader may not see them
        return onPostgres ? new org.postgresql.Driver().connect(url, properties) : new org.h2.Driver().connect(url, properties);
    }

    /**
     * The store goes away: new connections are refused and open ones are cut (PostgreSQL, H2); on SQLite, a file that
     * always opens, another connection takes and holds the write lock, so that no record can be written.
     */
    public void down() {
        try {
            if (onSqlite()) {
                lockHolder = connect();
                try (Statement statement = lockHolder.createStatement()) {
                    statement.execute("BEGIN EXCLUSIVE");
                }
            } else if (onPostgres) {
                try (Connection admin = admin();
                        Statement statement = admin.createStatement()) {
                    statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                    statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                }
            } else {
                server.stop();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The store comes back, at the same address. */
    public void up() {
        try {
            if (onSqlite()) {
                try (Statement statement = lockHolder.createStatement()) {
                    statement.execute("ROLLBACK");
                }
                lockHolder.close();
                lockHolder = null;
            } else if (onPostgres) {
                try (Connection admin = admin();
                        Statement statement = admin.createStatement()) {
                    statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
                }
            } else {
                server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", folder.toString(),
                        "-ifNotExists").start();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (onPostgres) {
                try (Connection admin = admin();
                        Statement statement = admin.createStatement()) {
                    statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                    statement.execute("DROP DATABASE IF EXISTS " + database);
                }
            } else {
                if (lockHolder != null) {
                    lockHolder.close();
                }
                if (server != null) {
                    server.stop();
                }
                deleteTree(folder);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a folder and everything in it: a test store's, a browser profile; a benchmark's H2 store can hold gigabytes. */
    public static void deleteTree(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
