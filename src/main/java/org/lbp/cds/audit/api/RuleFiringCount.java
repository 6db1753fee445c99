package org.lbp.cds.audit.api;

/** How often a rule fired in a period, and in how many evaluations. */
public record RuleFiringCount(String ruleId, String ruleName, long firings, long evaluations) {
}
