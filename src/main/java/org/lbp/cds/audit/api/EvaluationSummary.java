package org.lbp.cds.audit.api;

/** One evaluation in a search result. */
public record EvaluationSummary(String evaluationId, String evaluatedAt, String patientId, String status,
        String rulesetVersion, String caller) {
}
