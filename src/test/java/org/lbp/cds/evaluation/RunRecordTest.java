package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.RedFlag;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * The record of a run (what the audit and the explanations are built from) holds every fact, also those no rule can
 * match. The knowledge base is immutable, and Drools then drops such a fact from the session's store as soon as it is
 * inserted; the run's record must not depend on that store.
 */
class RunRecordTest {

    private static final List<Object> GIVEN = RunTrace.facts(Clinic.fromFile("examples/classic-right-quads.json").json(),
            Thresholds.DEFAULTS);

    @Test
    @DisplayName("The premise: a session's own store drops the facts no rule can match, such as the red flags answered no")
    void theSessionDropsFactsNoRuleCanMatch() {
        List<RedFlag> answeredNo = GIVEN.stream().filter(RedFlag.class::isInstance).map(RedFlag.class::cast)
                .filter(flag -> flag.answer() == RedFlag.Answer.NO).toList();
        assertEquals(21, answeredNo.size(), "the example answers every red-flag question no");
        KieSession session = Clinic.engine().ruleset().kieBase().newKieSession();
        try {
            GIVEN.forEach(session::insert);
            session.fireAllRules();
            List<Object> stored = List.copyOf(session.getObjects());
            for (RedFlag flag : answeredNo) {
                assertTrue(stored.stream().noneMatch(kept -> kept == flag), () -> "still in the store: " + flag);
            }
        } finally {
            session.dispose();
        }
    }

    @Test
    @DisplayName("The run's facts are every fact given, first and in order, then what the rules derived")
    void everyFactGivenStaysInTheRecord() {
        RuleRun run = Clinic.engine().run(GIVEN);

        assertEquals(GIVEN, run.facts().subList(0, GIVEN.size()));
        assertTrue(run.facts().size() > GIVEN.size(), "the rules derived facts");
        assertFalse(run.firings().isEmpty(), "the example gets a protocol");
    }
}
