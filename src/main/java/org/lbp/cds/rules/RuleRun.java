package org.lbp.cds.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What one evaluation's session produced: every fact inserted (the intake's facts first, then what the rules
 * derived, in insertion order) and every firing, in order.
 */
public record RuleRun(String rulesetVersion, List<Object> facts, List<Firing> firings) {

    /** The facts of one type, in insertion order. */
    public <T> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object fact : facts) {
            if (type.isInstance(fact)) {
                found.add(type.cast(fact));
            }
        }
        return found;
    }
}
