package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.api.FiredRule;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.RuleInfo;

/**
 * The rule coverage gate: every rule in {@code rules/} must fire in at least one clinical scenario
 * ({@code src/test/resources/scenarios}). A rule no case exercises is untested clinical content, and fails the build.
 */
class RuleCoverageTest {

    @Test
    @DisplayName("Every rule in rules/ fires in at least one clinical scenario")
    void everyRuleFiresInSomeScenario() {
        Set<String> fired = new HashSet<>();
        for (Scenario scenario : Scenario.all()) {
            Protocol protocol = scenario.evaluate();
            protocol.firedRules().stream().map(FiredRule::ruleName).forEach(fired::add);
        }
        List<String> neverFired = Clinic.engine().ruleset().rules().stream()
                .filter(rule -> !fired.contains(rule.name()))
                .map(rule -> rule.file() + " " + rule.id() + " \"" + rule.name() + "\"")
                .toList();
        assertTrue(neverFired.isEmpty(), neverFired.size() + " rules never fire in the scenarios:\n  "
                + String.join("\n  ", neverFired));
    }

    @Test
    @DisplayName("Every catalogue id (S01 aside: validation is the parser) is implemented by at least one rule")
    void everyCatalogueIdIsImplemented() {
        Set<String> ids = new HashSet<>();
        Clinic.engine().ruleset().rules().stream().map(RuleInfo::id).forEach(ids::add);
        List<String> catalogue = List.of("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10", "R11",
                "R12", "R13", "R14", "R15", "R16", "R17", "R18", "C01", "C03", "C06", "C07", "C08", "D19",
                "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10", "S11");
        List<String> missing = catalogue.stream().filter(id -> !ids.contains(id)).toList();
        assertTrue(missing.isEmpty(), "catalogue ids without a rule: " + missing);
    }
}
