package org.lbp.cds.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lbp.cds.codes.Region;
import org.lbp.cds.rules.facts.RegionScore;

/**
 * A faulty rule that keeps matching what it inserts must not hold a request for ever: the evaluation stops after
 * {@link RuleEngine#MAX_FIRINGS} firings with no protocol, and names the rule. A rule that inserts what it matches
 * but settles is the near miss: it runs to the end.
 */
class RunawayRulesTest {

    private static final String HEADER = """
            package lbp.rules;

            import org.lbp.cds.rules.facts.RegionScore;

            """;

    private static final String RUNAWAY = HEADER + """
            rule "A faulty rule: every region score it sees, it inserts again"
                @id("T01")
                @source("test")
                @decides("nothing: a test rule")
            when
                $score : RegionScore()
            then
                insert(new RegionScore($score.region(), $score.left(), $score.right()));
            end
            """;

    private static final String SETTLES = HEADER + """
            rule "A bounded rule: a left score of 3 is copied once as 4"
                @id("T02")
                @source("test")
                @decides("nothing: a test rule")
            when
                $score : RegionScore(left == 3)
            then
                insert(new RegionScore($score.region(), 4, $score.right()));
            end
            """;

    private static CompiledRuleset ruleset(String drl) {
        return CompiledRuleset.compile(RulesetSource.of(List.of(new RuleFile("test.drl", drl))),
                RunawayRulesTest.class.getClassLoader());
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the limit: a failure, not a hung build
    @DisplayName("A rule that inserts a fact it matches again: not settled within 10,000 firings, no protocol, the rule named")
    void aRunawayRuleIsStopped() {
        CompiledRuleset ruleset = ruleset(RUNAWAY);
        List<RegionScore> facts = List.of(new RegionScore(Region.QUADS, 3, 7));

        RulesDidNotSettleException stopped = assertThrows(RulesDidNotSettleException.class,
                () -> RuleEngine.run(ruleset, facts));

        assertEquals("T01", stopped.ruleId());
        assertTrue(stopped.getMessage().contains("did not settle within 10000 firings; T01 fired 10001 times"),
                stopped.getMessage());
        assertTrue(stopped.getMessage().contains(ruleset.version()), "names the ruleset version");
        // the pooled session went back reset: the next evaluation is stopped the same way, not carried over
        assertEquals("T01", assertThrows(RulesDidNotSettleException.class, () -> RuleEngine.run(ruleset, facts)).ruleId());
    }

    @Test
    @DisplayName("Near miss: a rule that inserts a fact of the type it matches, once, settles: one firing, two scores")
    void aRuleThatSettlesRunsToTheEnd() {
        RuleRun run = RuleEngine.run(ruleset(SETTLES), List.of(new RegionScore(Region.QUADS, 3, 7)));

        assertEquals(List.of("T02"), run.firings().stream().map(Firing::ruleId).toList());
        assertEquals(List.of(new RegionScore(Region.QUADS, 3, 7), new RegionScore(Region.QUADS, 4, 7)), run.facts());
    }
}
