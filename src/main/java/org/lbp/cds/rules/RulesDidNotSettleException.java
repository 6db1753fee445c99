package org.lbp.cds.rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An evaluation's rules were still firing after {@link RuleEngine#MAX_FIRINGS} firings: a rule keeps matching what it
 * inserts. No protocol comes of it. The message names the ruleset version and the rule that fired most, for its author.
 */
public class RulesDidNotSettleException extends RuntimeException {

    private final String ruleId;

    RulesDidNotSettleException(String rulesetVersion, List<Firing> firings) {
        this(rulesetVersion, mostFired(firings));
    }

    private RulesDidNotSettleException(String rulesetVersion, Map.Entry<String, Long> most) {
        super(String.format("The rules of version %s did not settle within %d firings; %s fired %d times. No protocol was"
                + " given: a rule keeps matching what it inserts.", rulesetVersion, RuleEngine.MAX_FIRINGS, most.getKey(),
                most.getValue()));
        this.ruleId = most.getKey();
    }

    /** The id of the rule that fired most. */
    public String ruleId() {
        return ruleId;
    }

    private static Map.Entry<String, Long> mostFired(List<Firing> firings) {
        return firings.stream().collect(Collectors.groupingBy(Firing::ruleId, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElse(Map.entry("no rule", 0L));
    }
}
