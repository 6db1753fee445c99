package org.lbp.cds.audit;

import java.util.List;

/**
 * One evaluation as the audit trail records it; JSON fields are canonical JSON text.
 *
 * @param config the thresholds the evaluation ran with (canonical JSON), needed to replay it
 */
public record AuditEntry(String evaluationId, String evaluatedAtIso, String caller, String patientId,
        String rulesetVersion, String status, String config, String intake, String protocol, List<FiringEntry> firings) {

    /** One rule firing: its place in the firing order, the rule, and a short description of the facts it matched. */
    public record FiringEntry(int sequence, String ruleId, String ruleName, String facts) {
    }
}
