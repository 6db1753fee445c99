package org.lbp.cds.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.lbp.cds.evaluation.api.Intake;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.audit.AuditService;
import org.lbp.cds.audit.EvaluationIds;
import org.lbp.cds.audit.AuditTrail;
import org.lbp.cds.ops.ServiceMetrics;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Thresholds;

/** Intake in, explained protocol out: parse and validate, map to facts, run the rules, assemble the protocol. */
@ApplicationScoped
public class EvaluationService {

    /** The time zone furthest ahead: an encounter date is refused only when it is tomorrow everywhere. */
    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);
    /**
     * The bundled intake the start-up evaluates before the first request (examples/classic-right-quads.json, packaged),
     * which the class-data-sharing archive's training run also sends.
     */
    public static final String WARM_UP_INTAKE = "/warm-up/classic-right-quads.json";
    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
    /** The evaluation log: one line per evaluation (category {@code lbp.evaluations}). */
    private static final Logger EVALUATIONS = Logger.getLogger("lbp.evaluations");
    /** The evaluation log line's fields (its MDC), in the JSON logs. */
    static final String MDC_ID = "evaluationId";
    static final String MDC_STATUS = "status";
    static final String MDC_FIRINGS = "firings";
    static final String MDC_DURATION = "durationUs";

    /** The caller recorded when there is none (tests without HTTP). */
    public static final String ANONYMOUS = org.lbp.cds.security.Callers.ANONYMOUS;

    private final RuleEngine engine;
    private final Thresholds thresholds;
    private final Clock clock;
    private final AuditTrail audit;
    private final ServiceMetrics metrics;

    @Inject
    public EvaluationService(RuleEngine engine, ThresholdsConfig config, Clock clock, AuditService audit,
            ServiceMetrics metrics) {
        this(engine, config.asFact(), clock, audit, metrics);
    }

    /** With explicit thresholds and no audit store (rule tests). */
    public EvaluationService(RuleEngine engine, Thresholds thresholds, Clock clock) {
        this(engine, thresholds, clock, AuditTrail.NONE, ServiceMetrics.NONE);
    }

    public EvaluationService(RuleEngine engine, Thresholds thresholds, Clock clock, AuditTrail audit) {
        this(engine, thresholds, clock, audit, ServiceMetrics.NONE);
    }

    public EvaluationService(RuleEngine engine, Thresholds thresholds, Clock clock, AuditTrail audit,
            ServiceMetrics metrics) {
        this.engine = engine;
        this.thresholds = thresholds;
        this.clock = clock;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Validates, evaluates and records one intake; the protocol is returned only once its audit record is committed.
     *
     * @throws InvalidIntakeException    the intake is not valid (the 400 is counted by the audit, not stored)
     * @throws org.lbp.cds.audit.AuditUnavailableException the record could not be committed: no protocol
     */
    public Protocol evaluate(JsonNode body) {
        return evaluate(body, ANONYMOUS);
    }

    public Protocol evaluate(JsonNode body, String caller) {
        long start = System.nanoTime();
        Evaluated evaluated = evaluated(body);
        RuleRun run = evaluated.run();
        Protocol protocol = evaluated.protocol();
        audit.record(body, thresholds, evaluated.ruleset(), run, protocol, caller);
        long nanos = System.nanoTime() - start;
        metrics.evaluated(protocol.status().code(), nanos, run.firings());
        logEvaluation(protocol, run.firings().size(), nanos / 1000);
        return protocol;
    }

    /**
     * One line per evaluation: the id and figures only, never the intake or the patient id (health data stays in the
     * audit store). Its own category, so that it can be turned down under load. The figures are in the message and, for
     * the JSON logs ({@code LBP_LOG_JSON=true}), also fields of their own (the line's {@code mdc}: evaluationId, status,
     * firings, durationUs), which a log pipeline can search without parsing the message; removed once written.
     */
    private static void logEvaluation(Protocol protocol, int firings, long micros) {
        if (!EVALUATIONS.isInfoEnabled()) {
            return;
        }
        String id = protocol.evaluationId();
        String status = protocol.status().code();
        MDC.put(MDC_ID, id);
        MDC.put(MDC_STATUS, status);
        MDC.put(MDC_FIRINGS, Integer.toString(firings));
        MDC.put(MDC_DURATION, Long.toString(micros));
        try {
            EVALUATIONS.infof("evaluation %s status=%s firings=%d durationUs=%d", id, status, firings, micros);
        } finally {
            MDC.remove(MDC_ID);
            MDC.remove(MDC_STATUS);
            MDC.remove(MDC_FIRINGS);
            MDC.remove(MDC_DURATION);
        }
    }

    /** An intake evaluated, not yet recorded: the ruleset it ran on, the rules' run and the protocol. */
    private record Evaluated(CompiledRuleset ruleset, RuleRun run, Protocol protocol) {
    }

    /** The request's path up to its record: validated, evaluated on the current ruleset, assembled. */
    private Evaluated evaluated(JsonNode body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IntakeParser.Result parsed = IntakeParser.parse(body, LocalDate.ofInstant(now, LATEST_ZONE));
        if (!parsed.valid()) {
            throw new InvalidIntakeException(parsed.errors());
        }
        CompiledRuleset ruleset = engine.ruleset();
        RuleRun run = RuleEngine.run(ruleset, FactMapper.facts(parsed.intake(), thresholds));
        Protocol protocol = ProtocolAssembler.assemble(EvaluationIds.next(now).toString(), now, parsed.intake().patientId(), run);
        return new Evaluated(ruleset, run, protocol);
    }

    /**
     * Start-up: one evaluation of a bundled intake (the classic case), parsed, evaluated, its audit record prepared
     * (and the ruleset stored ahead of the first record) and its protocol written as the response would be, but not
     * recorded and not counted, so that the first clinic request does not pay for loading and linking the evaluation
     * path. It runs on the start-up thread, before readiness, like the audit store's migration.
     */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 10) StartupEvent event,
            com.fasterxml.jackson.databind.ObjectMapper mapper) {
        warmUp(mapper);
    }

    /**
     * The warm-up evaluation's protocol, or null when it could not run (logged; the service still starts). The intake
     * is read and the protocol written with {@code mapper}: the service's own, as the HTTP layer uses it.
     */
    Protocol warmUp(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        long start = System.nanoTime();
        try (var in = EvaluationService.class.getResourceAsStream(WARM_UP_INTAKE)) {
            if (in == null) {
                LOG.warn("no warm-up intake on the classpath: the first request loads the evaluation path");
                return null;
            }
            JsonNode body = mapper.readTree(in);
            Evaluated evaluated = evaluated(body); // the request's own path, then its record prepared, not written
            Protocol protocol = evaluated.protocol();
            audit.prepare(body, thresholds, evaluated.ruleset(), evaluated.run(), protocol, "warm-up");
            mapper.writeValueAsBytes(protocol);
            LOG.debugf("evaluation path warmed up in %d ms", (System.nanoTime() - start) / 1_000_000);
            return protocol;
        } catch (InvalidIntakeException e) {
            LOG.warnf("the warm-up intake is not valid: %s", e.errors());
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("warm-up evaluation failed (the service still starts): %s", e.toString());
            return null;
        }
    }

    /** Evaluates a parsed intake without recording it (benchmarks, warm-up). */
    public Protocol evaluate(Intake intake) {
        long start = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String evaluationId = EvaluationIds.next(now).toString();
        RuleRun run = engine.run(FactMapper.facts(intake, thresholds));
        Protocol protocol = ProtocolAssembler.assemble(evaluationId, now, intake.patientId(), run);
        // The id and figures only: never the intake's content or the patient id.
        LOG.debugf("evaluation %s: status %s, %d firings, %d us", evaluationId, protocol.status().code(),
                run.firings().size(), (System.nanoTime() - start) / 1000);
        return protocol;
    }
}
