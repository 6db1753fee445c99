package org.lbp.cds.evaluation.api;

public record FiredRule(String ruleId, String ruleName, int sequence) {
}
