package org.lbp.cds.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The audit store ({@code lbp.audit.*}). The embedded default is a file-based H2 database under {@code data-dir};
 * PostgreSQL is chosen by giving its JDBC URL (and user; the password only from the environment or a secret store).
 */
@ConfigMapping(prefix = "lbp.audit")
public interface AuditConfig {

    /** Record every evaluation before answering. Off only for measuring its cost: then nothing is recorded. */
    @WithDefault("true")
    boolean enabled();

    /** The folder of the embedded H2 database (used when no JDBC URL is given). */
    @WithDefault("data")
    String dataDir();

    /** The JDBC URL of the store, e.g. {@code jdbc:postgresql://127.0.0.1:5432/lbp_cds}; empty: embedded H2. */
    Optional<String> jdbcUrl();

    Optional<String> username();

    Optional<String> password();

    /** Connections in the pool (queries, verify, replay; the writer uses one). */
    @WithDefault("8")
    int poolSize();

    /** How long an evaluation waits for its record to commit before it answers 503. */
    @WithDefault("5s")
    Duration commitTimeout();

    /** Most records written in one transaction (group commit). */
    @WithDefault("64")
    int batchSize();

    /** The URL actually used. */
    default String url() {
        return jdbcUrl().filter(url -> !url.isBlank())
                .orElse("jdbc:h2:file:" + java.nio.file.Path.of(dataDir()).toAbsolutePath().normalize().resolve("audit")
                        + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}
