package org.lbp.cds.audit.api;

/** One recorded rule firing: order, rule, and what it matched. */
public record FiringView(int sequence, String ruleId, String ruleName, String facts) {
}
