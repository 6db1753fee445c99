package org.lbp.cds.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.lbp.cds.codes.RedFlagKey;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.FactMapper;
import org.lbp.cds.evaluation.IntakeParser;
import org.lbp.cds.evaluation.Scenario;
import org.lbp.cds.rules.facts.RedFlag;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * The facts no pattern of a knowledge base accepts are left out of its sessions, and only those: with the catalogue,
 * the red flags answered no. A rule that reads a "no" makes that answer matchable again (the near miss); a rule that
 * reads every flag leaves nothing out.
 */
class UnmatchableFactsTest {

    private static final CompiledRuleset CATALOGUE = Clinic.engine().ruleset();

    private static final String HEADER = """
            package lbp.rules;

            import org.lbp.cds.codes.RedFlagKey;
            import org.lbp.cds.rules.facts.RedFlag;
            import org.lbp.cds.rules.facts.Warning;

            """;

    @Test
    @DisplayName("With the catalogue, the 21 red flags answered no, and no other answer, are left out of the sessions")
    void theCatalogueLeavesOutTheRedFlagsAnsweredNo() {
        UnmatchableFacts unmatchable = CATALOGUE.unmatchable();

        assertEquals(RedFlagKey.values().length, unmatchable.count());
        for (RedFlagKey key : RedFlagKey.values()) {
            assertTrue(unmatchable.contains(new RedFlag(key, RedFlag.Answer.NO)), key + " answered no");
            assertFalse(unmatchable.contains(new RedFlag(key, RedFlag.Answer.YES)), key + " answered yes");
            assertFalse(unmatchable.contains(new RedFlag(key, RedFlag.Answer.UNANSWERED)), key + " unanswered");
        }
        assertFalse(unmatchable.contains(Thresholds.DEFAULTS), "only red flags are ever left out");
    }

    @Test
    @DisplayName("Every scenario: the same firings on the same facts, and the same facts in the run's record, as a run that inserts every fact")
    void leavingThemOutChangesNoRun() {
        int scenarios = 0;
        for (Scenario scenario : Scenario.all()) {
            IntakeParser.Result parsed = IntakeParser.parse(scenario.intake().deepCopy(),
                    LocalDate.of(2026, 11, 25));
            if (!parsed.valid()) {
                continue;
            }
            List<Object> facts = FactMapper.facts(parsed.intake(), Thresholds.DEFAULTS);
            RuleRun spared = RuleEngine.run(CATALOGUE, facts);
            RuleRun everyFact = insertingEveryFact(CATALOGUE, facts);

            assertEquals(everyFact.facts().size(), spared.facts().size(), scenario + ": facts");
            assertEquals(facts, spared.facts().subList(0, facts.size()), scenario + ": the facts given, in order");
            assertEquals(everyFact.firings().size(), spared.firings().size(), scenario + ": firings");
            for (int i = 0; i < everyFact.firings().size(); i++) {
                Firing expected = everyFact.firings().get(i);
                Firing actual = spared.firings().get(i);
                assertEquals(expected.ruleName(), actual.ruleName(), scenario + ": firing " + (i + 1));
                // as the audit shows them; a fact given is the same object, a derived one is new in each run
                assertEquals(FactText.describe(expected.matched()), FactText.describe(actual.matched()),
                        scenario + ": firing " + (i + 1));
                for (int m = 0; m < expected.matched().size(); m++) {
                    Object fact = expected.matched().get(m);
                    if (facts.stream().anyMatch(given -> given == fact)) {
                        assertSame(fact, actual.matched().get(m), scenario + ": firing " + (i + 1) + " on " + fact);
                    }
                }
            }
            scenarios++;
        }
        assertTrue(scenarios > 100, "the scenarios were read: " + scenarios);
    }

    @Test
    @DisplayName("Near miss: a rule that reads one question answered no makes that answer matchable, inserted, and it fires")
    void aRuleReadingANoMakesItMatchable() {
        CompiledRuleset ruleset = ruleset(HEADER + """
                rule "Weight loss answered no is noted"
                    @id("T01")
                    @source("test")
                    @decides("nothing: a test rule")
                when
                    RedFlag(key == RedFlagKey.UNEXPLAINED_WEIGHT_LOSS, answer == RedFlag.Answer.NO)
                then
                    insert(new Warning("noted", "noted"));
                end
                """);
        RedFlag answeredNo = new RedFlag(RedFlagKey.UNEXPLAINED_WEIGHT_LOSS, RedFlag.Answer.NO);

        assertFalse(ruleset.unmatchable().contains(answeredNo));
        assertTrue(ruleset.unmatchable().contains(new RedFlag(RedFlagKey.THORACIC_PAIN, RedFlag.Answer.NO)),
                "another question answered no, which that rule does not read");
        assertEquals(RedFlagKey.values().length * 3 - 1, ruleset.unmatchable().count());
        RuleRun run = RuleEngine.run(ruleset, List.of(answeredNo, new RedFlag(RedFlagKey.THORACIC_PAIN, RedFlag.Answer.NO)));
        assertEquals(List.of("T01"), run.firings().stream().map(Firing::ruleId).toList());
        assertSame(answeredNo, run.firings().get(0).matched().get(0));
    }

    @Test
    @DisplayName("A rule that reads every red flag, whatever the answer: nothing is left out")
    void aRuleReadingEveryFlagLeavesNothingOut() {
        CompiledRuleset ruleset = ruleset(HEADER + """
                rule "Every red-flag answer is counted"
                    @id("T02")
                    @source("test")
                    @decides("nothing: a test rule")
                when
                    $flags : java.util.List(size > 100) from collect(RedFlag())
                then
                    insert(new Warning("many", "many"));
                end
                """);

        assertEquals(0, ruleset.unmatchable().count());
        assertFalse(ruleset.unmatchable().contains(new RedFlag(RedFlagKey.THORACIC_PAIN, RedFlag.Answer.NO)));
    }

    /** The same phases as {@link RuleEngine#runIn}, every fact inserted. */
    private static RuleRun insertingEveryFact(CompiledRuleset ruleset, Collection<?> facts) {
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            FiringRecorder recorder = new FiringRecorder(facts.size());
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
            facts.forEach(session::insert);
            for (int phase = RuleEngine.PHASES.size() - 1; phase >= 0; phase--) {
                session.getAgenda().getAgendaGroup(RuleEngine.PHASES.get(phase)).setFocus();
            }
            session.fireAllRules();
            return new RuleRun(ruleset.version(), recorder.inserted(), recorder.firings());
        } finally {
            session.dispose();
        }
    }

    private static CompiledRuleset ruleset(String drl) {
        return CompiledRuleset.compile(RulesetSource.of(List.of(new RuleFile("test.drl", drl))),
                UnmatchableFactsTest.class.getClassLoader());
    }
}
