package org.lbp.cds.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.lbp.cds.rules.Firing;

/**
 * The service's own metrics (Prometheus format at /q/metrics): evaluations by status with a latency histogram,
 * firings per rule id, audit commit time and batch size, rejected requests by reason. Meters are looked up once and
 * kept, so counting costs a map lookup and an add per event.
 */
@ApplicationScoped
public class ServiceMetrics {

    /** Counts nothing (rule tests and benchmarks without a registry). */
    public static final ServiceMetrics NONE = new ServiceMetrics(new CompositeMeterRegistry());

    private final MeterRegistry registry;
    private final Map<String, Timer> evaluations = new ConcurrentHashMap<>();
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();
    private final Timer auditCommit;
    private final DistributionSummary auditBatch;

    @Inject
    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.auditCommit = Timer.builder("lbp.audit.commit").description("Time to commit one group of audit records")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        this.auditBatch = DistributionSummary.builder("lbp.audit.batch.size").description("Records per audit commit")
                .register(registry);
    }

    /** One evaluation answered: its status, how long it took (request to committed record), and its firings. */
    public void evaluated(String status, long nanos, List<Firing> fired) {
        evaluations.computeIfAbsent(status, s -> Timer.builder("lbp.evaluations")
                .description("Evaluations answered, by status, with their duration (rules and audit commit)")
                .tag("status", s).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        for (Firing firing : fired) {
            firings.computeIfAbsent(firing.ruleId(), id -> Counter.builder("lbp.rule.firings")
                    .description("Rule firings, by catalogue id").tag("ruleId", id).register(registry)).increment();
        }
    }

    /** A request refused before evaluation: invalid_intake, malformed_json, too_large, unsupported_media_type, ... */
    public void rejected(String reason) {
        rejections.computeIfAbsent(reason, r -> Counter.builder("lbp.requests.rejected")
                .description("Requests refused, by reason").tag("reason", r).register(registry)).increment();
    }

    public void auditCommitted(long nanos, int records) {
        auditCommit.record(nanos, TimeUnit.NANOSECONDS);
        auditBatch.record(records);
    }
}
