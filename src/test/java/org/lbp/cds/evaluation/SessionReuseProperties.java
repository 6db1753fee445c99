package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * Evaluations run in pooled Drools sessions: a session that served one patient is reset and serves the next. Nothing
 * may carry over. Each case here runs intakes one after the other in a pool of one session (so that every run reuses
 * the session of the run before), and compares every run with the same intake in a session created for it alone: the
 * same facts derived, the same firings in the same order on the same facts, the same protocol.
 */
class SessionReuseProperties {

    private final CompiledRuleset ruleset = Clinic.engine().ruleset();

    @Provide
    Arbitrary<List<GeneratedIntake>> patients() {
        return GeneratedIntake.intakes().list().ofMinSize(2).ofMaxSize(6);
    }

    @Property(tries = 400)
    @Label("any sequence of intakes, run in one reused session, gives each intake the run it gets in a new session")
    void reusedSessionCarriesNothingOver(@ForAll("patients") List<GeneratedIntake> patients) {
        KieSessionsPool pool = ruleset.kieBase().newKieSessionsPool(1);
        try {
            for (GeneratedIntake patient : patients) {
                assertEquals(inNewSession(patient.json(), patient.thresholds()),
                        inReusedSession(pool, patient.json(), patient.thresholds()));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Example
    @Label("every scenario, in three shuffled orders through one reused session, gets the run it gets in a new session")
    void everyScenarioInAnyOrder() {
        List<Scenario> scenarios = new ArrayList<>(Scenario.all());
        List<List<String>> fresh = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            fresh.add(inNewSession(scenario.intake(), scenario.thresholds()));
        }
        KieSessionsPool pool = ruleset.kieBase().newKieSessionsPool(1);
        KieSession first = pool.newKieSession();
        first.dispose();
        try {
            for (long seed : new long[] {1, 2, 3}) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < scenarios.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(seed));
                for (int i : order) {
                    Scenario scenario = scenarios.get(i);
                    assertEquals(fresh.get(i), inReusedSession(pool, scenario.intake(), scenario.thresholds()),
                            scenario + ", order of seed " + seed);
                }
            }
            KieSession last = pool.newKieSession();
            assertSame(first, last, "one session served every run");
            last.dispose();
        } finally {
            pool.shutdown();
        }
    }

    @Example
    @Label("a run stopped part-way (a rule failing, a thread interrupted) leaves nothing for the next patient")
    void interruptedRunLeavesNothing() {
        Scenario stopped = scenario("leg-chain.json: R06 fires: all four leg regions");
        Scenario next = scenario("red-flags.json: S03 fires: saddle anaesthesia");
        List<String> expected = inNewSession(next.intake(), next.thresholds());
        KieSessionsPool pool = ruleset.kieBase().newKieSessionsPool(1);
        try {
            for (int fired : new int[] {0, 1, 5}) {
                KieSession session = pool.newKieSession();
                for (Object fact : RunTrace.facts(stopped.intake(), stopped.thresholds())) {
                    session.insert(fact);
                }
                for (int phase = RuleEngine.PHASES.size() - 1; phase >= 0; phase--) {
                    session.getAgenda().getAgendaGroup(RuleEngine.PHASES.get(phase)).setFocus();
                }
                assertEquals(fired, session.fireAllRules(fired), "the run stops with rules still to fire");
                assertFalse(session.getObjects().isEmpty());
                session.dispose();
                KieSession reused = pool.newKieSession();
                assertSame(session, reused, "the stopped session is the one reused");
                assertTrue(reused.getObjects().isEmpty(), "a session given back holds no facts");
                assertEquals(0, reused.fireAllRules(), "a session given back has nothing left to fire");
                reused.dispose();
                assertEquals(expected, inReusedSession(pool, next.intake(), next.thresholds()),
                        "after a run stopped at " + fired + " firings");
            }
        } finally {
            pool.shutdown();
        }
    }

    private List<String> inNewSession(JsonNode intake, Thresholds thresholds) {
        return RunTrace.of(RuleEngine.runIn(ruleset.kieBase().newKieSession(), ruleset,
                RunTrace.facts(intake, thresholds)));
    }

    private List<String> inReusedSession(KieSessionsPool pool, JsonNode intake, Thresholds thresholds) {
        return RunTrace.of(RuleEngine.runIn(pool.newKieSession(), ruleset,
                RunTrace.facts(intake, thresholds)));
    }

    private static Scenario scenario(String name) {
        return Scenario.all().stream().filter(s -> s.toString().startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + name));
    }
}
