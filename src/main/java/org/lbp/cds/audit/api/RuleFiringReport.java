package org.lbp.cds.audit.api;

import java.util.List;

/** Per-rule firing counts over a period [from, to). */
public record RuleFiringReport(String from, String to, long evaluations, List<RuleFiringCount> rules) {
}
