package org.lbp.cds.evaluation.api;

import java.util.List;

import org.lbp.cds.codes.ReferralTarget;
import org.lbp.cds.codes.Urgency;

public record ReferralEntry(Urgency urgency, ReferralTarget to, List<String> reasonCodes, List<String> ruleIds) {
}
