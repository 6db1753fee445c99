package org.lbp.cds.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.FactMapper;
import org.lbp.cds.evaluation.IntakeParser;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * The knowledge base whose load the entry point begins (the packaged service's {@code Main}; ClassDataSharingIT sees
 * the service use it): the same rules, version and answers as the engine's own load, taken once.
 */
class RulesPreloadTest {

    @Test
    @DisplayName("The preloaded knowledge base is the bundled one, taken once; without a preload the engine loads it itself")
    void preloadedIsTheBundledRuleset() {
        assertTrue(RulesPreload.take().isEmpty(), "no preload started: nothing to take");
        CompiledRuleset own = new RuleEngine("classpath").ruleset();

        RulesPreload.start();
        CompiledRuleset preloaded = RulesPreload.take().orElseThrow();
        assertTrue(RulesPreload.take().isEmpty(), "taken once");
        assertEquals(own.version(), preloaded.version());
        assertEquals(own.rules(), preloaded.rules());
        // a patient whose left quads are the tighter: the same firings, in the same order, from both
        var parsed = IntakeParser.parse(Clinic.patient().score("quads", 7, 3).json(), LocalDate.of(2026, 11, 25));
        List<Object> facts = FactMapper.facts(parsed.intake(), Thresholds.DEFAULTS);
        List<String> fired = RuleEngine.run(own, facts).firings().stream().map(Firing::ruleName).toList();
        assertTrue(fired.size() > 3, fired.toString());
        assertEquals(fired, RuleEngine.run(preloaded, facts).firings().stream().map(Firing::ruleName).toList());
    }

    @Test
    @DisplayName("Rules read from a folder: the engine compiles the folder's DRL and drops the preload unused")
    void droppedForAFolder() {
        RulesPreload.start();
        CompiledRuleset folder = new RuleEngine("rules").ruleset();
        assertTrue(RulesPreload.take().isEmpty(), "the engine dropped the preload");
        assertFalse(folder.rules().isEmpty());
        assertEquals(new RuleEngine("classpath").ruleset().version(), folder.version(), "the same DRL, read from rules/");
    }
}
