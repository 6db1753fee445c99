package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.audit.AuditTrail;
import org.lbp.cds.codes.Status;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Thresholds;

/** The start-up warm-up evaluates the bundled classic intake through the whole path, and records nothing. */
class WarmUpTest {

    @Test
    @DisplayName("The warm-up evaluates the bundled classic case (one right quads and hip flexors step), prepares its audit record and writes none")
    void warmUpEvaluatesWithoutRecording() {
        AtomicInteger recorded = new AtomicInteger();
        java.util.List<Protocol> prepared = new java.util.ArrayList<>();
        AuditTrail counting = new AuditTrail() {
            @Override
            public void record(JsonNode intake, Thresholds thresholds, CompiledRuleset ruleset, RuleRun run, Protocol protocol,
                    String caller) {
                recorded.incrementAndGet();
            }

            @Override
            public void rejected(Instant at, String caller, int errorCount) {
                recorded.incrementAndGet();
            }

            @Override
            public void prepare(JsonNode intake, Thresholds thresholds, CompiledRuleset ruleset, RuleRun run,
                    Protocol protocol, String caller) {
                prepared.add(protocol);
            }
        };
        EvaluationService service = new EvaluationService(Clinic.engine(), Thresholds.DEFAULTS,
                Clock.fixed(Clinic.NOW, ZoneOffset.UTC), counting);

        Protocol protocol = service.warmUp(new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules());

        assertNotNull(protocol, "the bundled warm-up intake is valid and evaluated");
        assertEquals(Status.OK, protocol.status());
        assertEquals(1, protocol.steps().size());
        assertEquals("quads_hip_flexors", protocol.steps().get(0).region().code());
        assertEquals("right", protocol.steps().get(0).side().code());
        assertEquals(0, recorded.get(), "the warm-up is never recorded in the audit trail");
        assertEquals(java.util.List.of(protocol), prepared, "its record is prepared (and the ruleset stored ahead), not written");
    }
}
