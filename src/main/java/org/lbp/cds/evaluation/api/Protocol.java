package org.lbp.cds.evaluation.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.lbp.cds.codes.Status;

/** The answer to an intake (response 200), whatever its status. */
@JsonPropertyOrder({"evaluationId", "rulesetVersion", "evaluatedAt", "patientId", "status", "steps", "avoid", "referrals",
        "warnings", "recommendations", "missing", "flags", "firedRules", "disclaimer"})
public record Protocol(
        String evaluationId,
        String rulesetVersion,
        Instant evaluatedAt,
        String patientId,
        Status status,
        List<ProtocolStep> steps,
        List<AvoidEntry> avoid,
        List<ReferralEntry> referrals,
        List<WarningEntry> warnings,
        List<String> recommendations,
        List<MissingEntry> missing,
        Flags flags,
        List<FiredRule> firedRules,
        String disclaimer) {
}
