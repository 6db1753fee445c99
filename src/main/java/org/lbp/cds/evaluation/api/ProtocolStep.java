package org.lbp.cds.evaluation.api;

import java.util.List;

import org.lbp.cds.codes.Performer;
import org.lbp.cds.codes.Side;
import org.lbp.cds.codes.StepRegion;
import org.lbp.cds.codes.Technique;

public record ProtocolStep(
        int order,
        StepRegion region,
        Side side,
        Technique technique,
        Performer performer,
        Dose dose,
        boolean recheckAfter,
        String rationale,
        List<String> ruleIds) {
}
