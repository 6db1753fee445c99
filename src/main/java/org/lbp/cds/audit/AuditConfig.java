package org.lbp.cds.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The audit store ({@code lbp.audit.*}). The embedded default is an SQLite file under {@code data-dir} (a data folder
 * that already holds an H2 store keeps it, see {@link StoreKind#embeddedUrl}); PostgreSQL is chosen by giving its JDBC
 * URL (and user; the password only from the environment or a secret store).
 */
@ConfigMapping(prefix = "lbp.audit")
public interface AuditConfig {

    /** Record every evaluation before answering. Off only for measuring its cost: then nothing is recorded. */
    @WithDefault("true")
    boolean enabled();

    /** The folder of the embedded store (used when no JDBC URL is given). */
    @WithDefault("data")
    String dataDir();

    /** The JDBC URL of the store, e.g. {@code jdbc:postgresql://127.0.0.1:5432/lbp_cds}; empty: the embedded store. */
    Optional<String> jdbcUrl();

    Optional<String> username();

    Optional<String> password();

    /** Connections in the pool (queries, verify, replay; the writer uses one). */
    @WithDefault("8")
    int poolSize();

    /** How long an evaluation waits for its record to commit before it answers 503. */
    @WithDefault("5s")
    Duration commitTimeout();

    /**
     * The embedded SQLite store only: when a commit counts as written. {@code NORMAL}: in the operating system's hands
     * (it survives a killed or crashed service; after a power loss the store is intact but may lack its last commits,
     * those since the last checkpoint synced them). {@code FULL}: synced to the disk before the answer (it survives a
     * power loss too); measured on this project's test machine, a fifth less throughput than with no syncs at all
     * (docs/performance.md).
     */
    @WithDefault("NORMAL")
    SqliteSync sqliteSynchronous();

    /** SQLite's {@code synchronous} settings the service accepts (OFF is not one: a power loss could corrupt the store). */
    enum SqliteSync {
        NORMAL, FULL
    }

    /** Most records written in one transaction (group commit). */
    @WithDefault("64")
    int batchSize();

    /** The URL actually used (it looks at the data folder: {@link AuditDatabase} reads it once). */
    default String url() {
        return jdbcUrl().filter(url -> !url.isBlank())
                .orElseGet(() -> StoreKind.embeddedUrl(java.nio.file.Path.of(dataDir())));
    }
}
