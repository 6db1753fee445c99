package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lbp.cds.rules.FactText;
import org.lbp.cds.rules.Firing;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * For the tests that hold one rule run to another (a reused session against a new one, a run among concurrent ones
 * against the same run alone): the facts of an intake, and what an auditor would see of a run.
 */
final class RunTrace {

    private static final ObjectMapper JSON = Clinic.JSON.copy().findAndRegisterModules();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private RunTrace() {
    }

    /** The facts of a valid intake, as the service inserts them. */
    static List<Object> facts(JsonNode intake, Thresholds thresholds) {
        IntakeParser.Result parsed = IntakeParser.parse(intake.deepCopy(), TODAY);
        assertTrue(parsed.valid(), () -> "invalid intake: " + parsed.errors());
        return FactMapper.facts(parsed.intake(), thresholds);
    }

    /** Every fact, every firing on its facts in order, the ruleset version and the protocol. */
    static List<String> of(RuleRun run) {
        List<String> lines = new ArrayList<>();
        lines.add("ruleset " + run.rulesetVersion());
        for (Object fact : run.facts()) {
            lines.add("fact " + FactText.describe(List.of(fact)));
        }
        for (Firing firing : run.firings()) {
            lines.add("firing " + firing.sequence() + " " + firing.ruleId() + " \"" + firing.ruleName() + "\" on "
                    + FactText.describe(firing.matched()));
        }
        lines.add("protocol " + JSON.valueToTree(ProtocolAssembler.assemble("id", Instant.EPOCH, "p", run)));
        return lines;
    }
}
