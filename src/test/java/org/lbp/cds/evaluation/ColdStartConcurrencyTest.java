package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleEngine;

/**
 * The knowledge base builds parts of its network memory lazily, on the first session that needs them, and right after
 * start-up the first requests can arrive together. {@code ConcurrencyTest} runs its concurrent evaluations on a
 * knowledge base that already served each intake alone; here every knowledge base is new, and 16 threads run every
 * scenario on it at once, in a shuffled order. Each run must be exactly the scenario's run alone on another knowledge
 * base ({@link RunTrace}: the same facts, the same firings in the same order on the same facts, the same protocol).
 * With Drools' thread-safe mode turned off on the sessions, tried for speed, this failed on the first knowledge base:
 * a rule's consequence lost its match.
 */
class ColdStartConcurrencyTest {

    @Test
    @DisplayName("16 threads running every scenario on a new knowledge base: every run equals the scenario's run alone")
    void concurrentRunsOnANewKnowledgeBaseEqualRunsAlone() throws Exception {
        List<Scenario> scenarios = Scenario.all();
        List<List<Object>> facts = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            facts.add(RunTrace.facts(scenario.intake(), scenario.thresholds()));
        }
        CompiledRuleset reference = new RuleEngine("classpath").ruleset();
        List<List<String>> alone = new ArrayList<>();
        for (List<Object> intake : facts) {
            alone.add(RunTrace.of(RuleEngine.run(reference, intake)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            for (long seed = 1; seed <= 5; seed++) {
                CompiledRuleset cold = new RuleEngine("classpath").ruleset();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < scenarios.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(seed));
                List<Future<List<String>>> runs = new ArrayList<>();
                for (int i : order) {
                    runs.add(threads.submit(() -> RunTrace.of(RuleEngine.run(cold, facts.get(i)))));
                }
                for (int k = 0; k < order.size(); k++) {
                    int i = order.get(k);
                    assertEquals(alone.get(i), runs.get(k).get(), scenarios.get(i) + ", new knowledge base " + seed);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
