package org.lbp.cds.rules;

import java.util.List;

/**
 * One rule firing, in firing order.
 *
 * @param sequence 1 for the first firing of an evaluation
 * @param matched  the facts the rule matched (references; formatted only when someone asks)
 */
public record Firing(int sequence, String ruleId, String ruleName, List<Object> matched) {
}
