package org.lbp.cds.audit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kinds of audit store, told apart by their JDBC URL: each has its own migrations ({@code db/migration/<code>}) and
 * its own way of making a commit durable before the answer.
 * <ul>
 * <li>{@link #SQLITE}: the embedded default, one file in {@code lbp.audit.data-dir} in write-ahead-log mode, each
 * commit written to the log before the answer (synced at checkpoints, or at every commit with
 * {@code lbp.audit.sqlite-synchronous=FULL}).</li>
 * <li>{@link #H2}: the embedded store before SQLite; a data folder that already holds an H2 store keeps it.</li>
 * <li>{@link #POSTGRESQL}: the shared store of a deployment with several instances.</li>
 * </ul>
 */
public enum StoreKind {
    SQLITE("sqlite"), H2("h2"), POSTGRESQL("postgresql");

    /** The embedded SQLite store's file in the data folder. */
    static final String SQLITE_FILE = "audit.sqlite";
    /** An embedded H2 store's file in the data folder (H2 adds {@code .mv.db} to the name in its URL). */
    static final String H2_FILE = "audit.mv.db";

    private final String code;

    StoreKind(String code) {
        this.code = code;
    }

    /** The name used in migration folders, the admin status and the logs. */
    public String code() {
        return code;
    }

    static StoreKind of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("an audit store must be PostgreSQL, SQLite or H2, not "
                + AuditDatabase.redacted(jdbcUrl));
    }

    /**
     * The embedded store of a data folder: SQLite, unless the folder already holds an H2 store (a store made before
     * SQLite became the default, in December 2026), which then stays in use, so that no recorded evaluation is left
     * behind in a file the service no longer reads. A folder that holds both (an older version run on a folder of this
     * one, say) is refused: either trail could be the one the auditors need, so the operator names the store with
     * {@code lbp.audit.jdbc-url}.
     *
     * @throws IllegalStateException the folder holds both stores
     */
    static String embeddedUrl(Path dataDir) {
        Path folder = dataDir.toAbsolutePath().normalize();
        boolean h2 = Files.exists(folder.resolve(H2_FILE));
        boolean sqlite = Files.exists(folder.resolve(SQLITE_FILE));
        if (h2 && sqlite) {
            throw new IllegalStateException("the data folder " + folder + " holds two audit stores, " + SQLITE_FILE + " and "
                    + H2_FILE + ": name the one to use with lbp.audit.jdbc-url (jdbc:sqlite:" + folder.resolve(SQLITE_FILE)
                    + " or jdbc:h2:file:" + folder.resolve("audit") + "), and keep the other for the auditors");
        }
        if (h2) {
            return "jdbc:h2:file:" + folder.resolve("audit") + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return "jdbc:sqlite:" + folder.resolve(SQLITE_FILE);
    }
}
