package org.lbp.cds.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.jboss.logging.Logger;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.FactText;
import org.lbp.cds.rules.Firing;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Thresholds;
import org.lbp.cds.ops.StartupTask;

/**
 * The audit trail of the running service: every evaluation, whatever its status, is committed to the store before
 * its protocol is returned (commit before answer). The caller waits for its record's group commit; if the store
 * cannot commit in time, {@link AuditUnavailableException} turns the answer into a 503 without a protocol.
 */
@ApplicationScoped
public class AuditService implements AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditService.class);

    private final AuditConfig config;
    private final AuditDatabase database;
    private final AuditWriter writer;

    @jakarta.inject.Inject
    public AuditService(AuditConfig config, AuditDatabase database, org.lbp.cds.ops.ServiceMetrics metrics) {
        this.config = config;
        this.database = database;
        this.writer = new AuditWriter(database, config.batchSize(), metrics);
    }

    /** Without metrics (tests that wire the audit by hand). */
    public AuditService(AuditConfig config, AuditDatabase database) {
        this(config, database, org.lbp.cds.ops.ServiceMetrics.NONE);
    }

    /** The store's opening and migration at start-up, on a thread of its own (see {@link #onStart}). */
    private volatile StartupTask opening;

    /**
     * Start-up: the store is opened and migrated on a thread of its own, so that it runs beside the knowledge base's
     * load, the warm-up evaluation and the token check (which only queue for the writer), and {@link #awaitStart} waits
     * for it before the start-up ends: the service takes no request before its store is migrated, as before. On this
     * project's 2-core machine (the packaged service on its class-data-sharing archive, a fresh SQLite store) ready
     * came 0.93 x as soon at the median, faster in 8 alternating pairs of 8; see docs/performance.md.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        opening = StartupTask.start("audit-store-opening", this::start);
    }

    /** After the application's other start-up observers: the store's opening has ended; its failure fails the start. */
    void awaitStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event)
            throws InterruptedException {
        StartupTask task = opening;
        if (task != null) {
            task.await();
        }
    }

    /** Opens the store (migrating it) and starts the writer; a store that is down is retried on first use. */
    public void start() {
        if (!config.enabled()) {
            LOG.warn("AUDIT IS OFF (lbp.audit.enabled=false): evaluations are not recorded. Use only to measure its cost.");
            return;
        }
        database.start();
        writer.start();
    }

    /**
     * At shutdown, once the HTTP requests in flight were answered (or {@code quarkus.shutdown.timeout} ran out), and
     * before any bean is destroyed, so that the store is still open: the records still queued are committed first.
     */
    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Stops the writer (once; again at the bean's end does nothing): its queued records are committed first. */
    @PreDestroy
    public void stop() {
        writer.stop(config.commitTimeout());
    }

    /** The error the audit writer died of, if it died: the service can answer no evaluation until it restarts. */
    public Optional<Throwable> writerFailure() {
        return Optional.ofNullable(writer.died());
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** {@code sqlite}, {@code h2} or {@code postgresql}. */
    public String storeKind() {
        return database.kind().code();
    }

    @Override
    public void record(JsonNode intake, Thresholds thresholds, CompiledRuleset ruleset, RuleRun run, Protocol protocol,
            String caller) {
        if (!config.enabled()) {
            return;
        }
        AuditEntry entry = entry(intake, thresholds, run, protocol, caller);
        try {
            writer.submit(entry, protocol.evaluatedAt(), () -> Canonical.json(ruleset.source().files()))
                    .get(config.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while recording", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditUnavailableException("the audit record could not be committed", e);
        }
    }

    @Override
    public void prepare(JsonNode intake, Thresholds thresholds, CompiledRuleset ruleset, RuleRun run, Protocol protocol,
            String caller) {
        if (!config.enabled()) {
            return;
        }
        try {
            AuditEntry entry = entry(intake, thresholds, run, protocol, caller);
            String stored = StoredFirings.json(entry.firings()) + StoredFirings.ruleIds(entry.firings());
            String hash = ChainHash.of(ChainHash.GENESIS, entry, 1);
            LOG.debugf("record path prepared (%d characters of firings, hash %s), nothing written", stored.length(), hash);
        } catch (RuntimeException e) {
            LOG.warnf("the audit record's path could not be prepared (the first record prepares it): %s", e.toString());
        }
        writer.storeRuleset(ruleset.version(), () -> Canonical.json(ruleset.source().files()));
    }

    @Override
    public void rejected(Instant at, String caller, int errorCount) {
        if (config.enabled()) {
            writer.reject(new AuditWriter.Rejection(at, caller, errorCount));
        }
    }

    /** The thresholds' canonical JSON, made once per configuration rather than per evaluation. */
    private static final java.util.Map<Thresholds, String> CONFIGS = new java.util.concurrent.ConcurrentHashMap<>();

    static AuditEntry entry(JsonNode intake, Thresholds thresholds, RuleRun run, Protocol protocol, String caller) {
        List<AuditEntry.FiringEntry> firings = new ArrayList<>(run.firings().size());
        for (Firing firing : run.firings()) {
            firings.add(new AuditEntry.FiringEntry(firing.sequence(), firing.ruleId(), firing.ruleName(),
                    FactText.describe(firing.matched())));
        }
        return new AuditEntry(protocol.evaluationId(), protocol.evaluatedAt().toString(), caller, protocol.patientId(),
                protocol.rulesetVersion(), protocol.status().code(), CONFIGS.computeIfAbsent(thresholds, Canonical::json), Canonical.json(intake),
                Canonical.json(protocol), firings);
    }
}
