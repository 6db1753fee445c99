package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.rules.FactText;
import org.lbp.cds.rules.Firing;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * What the audit trail says a firing matched: the patient's facts, never Drools' own initial fact, which its match
 * lists for every rule that begins with {@code not}, {@code exists} or a {@code collect}.
 */
class FiringFactsTextTest {

    @Test
    @DisplayName("Classic right quads: each firing names the scores, encounter or derived facts it matched, and nothing of Drools'")
    void classicIntake() {
        RuleRun run = RuleEngine.run(Clinic.engine().ruleset(),
                RunTrace.facts(Clinic.fromFile("examples/classic-right-quads.json").json(), Thresholds.DEFAULTS));
        Map<String, String> byName = new LinkedHashMap<>();
        for (Firing firing : run.firings()) {
            byName.put(firing.ruleId() + " " + firing.ruleName(), FactText.describe(firing.matched()));
        }
        assertEquals("[imbalance hip_flexors right by 3, imbalance quads right by 3]; [hip_flexors 3/6, quads 4/7]",
                byName.get("R06 Quads and hip flexors are one region: when either is imbalanced, the side with the larger"
                        + " sum of both scores is the tighter side"),
                "a collect's facts, without the initial fact before them");
        assertEquals("side choice quads_hip_flexors left 7 / right 13",
                byName.get("R06 Imbalanced quads and hip flexors are the first leg step, released together on the"
                        + " tighter side only"), "a rule that begins with not StatusClaim(): only the side choice");
        assertEquals(FactText.NO_FACT_BOUND,
                byName.get("R05 When any region is balanced, both sides are not released equally"),
                "a rule that binds no fact says so");
    }

    @Test
    @DisplayName("Every scenario: no firing's facts are blank or name Drools' initial fact")
    void everyScenario() {
        for (Scenario scenario : Scenario.all()) {
            RuleRun run = RuleEngine.run(Clinic.engine().ruleset(), RunTrace.facts(scenario.intake(), scenario.thresholds()));
            for (Firing firing : run.firings()) {
                String text = FactText.describe(firing.matched());
                assertFalse(text.isBlank(), scenario.name() + ": " + firing.ruleId());
                assertFalse(text.contains("InitialFact"), scenario.name() + ": " + firing.ruleId() + " on " + text);
            }
        }
    }

    @Test
    @DisplayName("Near miss: a list holding only the initial fact is described as no fact bound, not as an empty text")
    void onlyTheInitialFact() {
        assertEquals(FactText.NO_FACT_BOUND, FactText.describe(List.of(org.drools.base.reteoo.InitialFactImpl.getInstance())));
    }
}
