package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.FactText;
import org.lbp.cds.rules.Firing;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * Evaluations run in pooled Drools sessions: a session that served one patient is reset and serves the next. Nothing
 * may carry over. Each case here runs intakes one after the other in a pool of one session (so that every run reuses
 * the session of the run before), and compares every run with the same intake in a session created for it alone: the
 * same facts derived, the same firings in the same order on the same facts, the same protocol.
 */
class SessionReuseProperties {

    private static final ObjectMapper JSON = Clinic.JSON.copy().findAndRegisterModules();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

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
                for (Object fact : facts(stopped.intake(), stopped.thresholds())) {
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
        return trace(RuleEngine.runIn(ruleset.kieBase().newKieSession(), ruleset.version(), facts(intake, thresholds)));
    }

    private List<String> inReusedSession(KieSessionsPool pool, JsonNode intake, Thresholds thresholds) {
        return trace(RuleEngine.runIn(pool.newKieSession(), ruleset.version(), facts(intake, thresholds)));
    }

    private static List<Object> facts(JsonNode intake, Thresholds thresholds) {
        IntakeParser.Result parsed = IntakeParser.parse(intake.deepCopy(), TODAY);
        assertTrue(parsed.valid(), () -> "invalid intake: " + parsed.errors());
        return FactMapper.facts(parsed.intake(), thresholds);
    }

    /** What an auditor would see of one run: every fact, every firing on its facts, and the protocol. */
    private static List<String> trace(RuleRun run) {
        List<String> lines = new ArrayList<>();
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

    private static Scenario scenario(String name) {
        return Scenario.all().stream().filter(s -> s.toString().startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + name));
    }
}
