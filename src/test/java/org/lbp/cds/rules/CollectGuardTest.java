package org.lbp.cds.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules' README: a rule that collects a non-empty list first says, with {@code exists}, that a matching fact is
 * there, so that Drools leaves it asleep until then. The pattern is then written twice; a guard that tested anything
 * but what the collect collects would silence the rule (a red flag without its referral) with no other test failing
 * for the intakes that differ. Read from the DRL's syntax tree, not its text.
 */
class CollectGuardTest {

    @Test
    @DisplayName("Every rule that begins with a non-empty collect is guarded by an exists of exactly the pattern it collects")
    void guardsTestWhatTheirCollectCollects() throws Exception {
        List<String> guarded = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (RuleDescr rule : rules()) {
            List<BaseDescr> lhs = rule.getLhs().getDescrs();
            int first = lhs.get(0) instanceof ExistsDescr ? 1 : 0;
            if (lhs.size() <= first || !(lhs.get(first) instanceof PatternDescr pattern)
                    || !(pattern.getSource() instanceof CollectDescr collect) || !nonEmpty(pattern)) {
                continue;
            }
            if (first == 0) {
                wrong.add(rule.getName() + ": no exists guard");
            } else if (!(((ExistsDescr) lhs.get(0)).getDescrs().get(0) instanceof PatternDescr guard)
                    || !shape(guard).equals(shape(collect.getInputPattern()))) {
                wrong.add(rule.getName() + ": its exists tests " + ((ExistsDescr) lhs.get(0)).getDescrs()
                        + ", its collect " + shape(collect.getInputPattern()));
            } else {
                guarded.add(rule.getName());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(9, guarded.size(), () -> "S03, the three S04, R05, R06, C03, R11, C06: " + guarded);
    }

    @Test
    @DisplayName("Near miss: a guard on the emergency flags above a collect of the infection flags is found")
    void aGuardOnAnotherPatternIsFound() throws Exception {
        PackageDescr drl = new DrlParser().parse(false, """
                package t;
                rule "mismatched"
                when
                    exists RedFlag(present, group == RedFlagGroup.EMERGENCY)
                    $flags : List(size > 0) from collect(RedFlag(present, group == RedFlagGroup.INFECTION))
                then
                end
                """);
        List<BaseDescr> lhs = drl.getRules().get(0).getLhs().getDescrs();
        PatternDescr guard = (PatternDescr) ((ExistsDescr) lhs.get(0)).getDescrs().get(0);
        CollectDescr collect = (CollectDescr) ((PatternDescr) lhs.get(1)).getSource();
        assertNotEquals(shape(guard), shape(collect.getInputPattern()));
    }

    private static List<RuleDescr> rules() throws Exception {
        List<RuleDescr> rules = new ArrayList<>();
        for (RuleFile file : RulesetSource.fromDirectory(Path.of("rules")).files()) {
            DrlParser parser = new DrlParser();
            PackageDescr drl = parser.parse(false, file.content());
            assertFalse(parser.hasErrors(), () -> file.name() + ": " + parser.getErrors());
            rules.addAll(drl.getRules());
        }
        assertTrue(rules.size() > 60, "the catalogue's rules were read");
        return rules;
    }

    private static boolean nonEmpty(PatternDescr list) {
        return constraints(list).equals(List.of("size>0"));
    }

    /** A pattern's type and its constraints, blanks removed: "RedFlag(present, group==RedFlagGroup.EMERGENCY)". */
    private static String shape(PatternDescr pattern) {
        return pattern.getObjectType() + "(" + String.join(", ", constraints(pattern)) + ")";
    }

    private static List<String> constraints(PatternDescr pattern) {
        return pattern.getConstraint().getDescrs().stream()
                .map(c -> c instanceof ExprConstraintDescr e ? e.getExpression() : c.toString())
                .map(text -> text.replaceAll("\\s+", "")).collect(Collectors.toList());
    }
}
