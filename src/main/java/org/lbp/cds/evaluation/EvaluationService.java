package org.lbp.cds.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.jboss.logging.Logger;
import org.lbp.cds.evaluation.api.Intake;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Thresholds;

/** Intake in, explained protocol out: parse and validate, map to facts, run the rules, assemble the protocol. */
@ApplicationScoped
public class EvaluationService {

    /** The time zone furthest ahead: an encounter date is refused only when it is tomorrow everywhere. */
    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);
    private static final Logger LOG = Logger.getLogger(EvaluationService.class);

    private final RuleEngine engine;
    private final Thresholds thresholds;
    private final Clock clock;

    @Inject
    public EvaluationService(RuleEngine engine, ThresholdsConfig config, Clock clock) {
        this(engine, config.asFact(), clock);
    }

    /** With explicit thresholds (tests of other configurations). */
    public EvaluationService(RuleEngine engine, Thresholds thresholds, Clock clock) {
        this.engine = engine;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public Protocol evaluate(JsonNode body) {
        IntakeParser.Result parsed = IntakeParser.parse(body, LocalDate.now(clock.withZone(LATEST_ZONE)));
        if (!parsed.valid()) {
            throw new InvalidIntakeException(parsed.errors());
        }
        return evaluate(parsed.intake());
    }

    public Protocol evaluate(Intake intake) {
        long start = System.nanoTime();
        String evaluationId = UUID.randomUUID().toString();
        RuleRun run = engine.run(FactMapper.facts(intake, thresholds));
        Protocol protocol = ProtocolAssembler.assemble(evaluationId, clock.instant(), intake.patientId(), run);
        // The id and figures only: never the intake's content or the patient id.
        LOG.debugf("evaluation %s: status %s, %d firings, %d us", evaluationId, protocol.status().code(),
                run.firings().size(), (System.nanoTime() - start) / 1000);
        return protocol;
    }
}
