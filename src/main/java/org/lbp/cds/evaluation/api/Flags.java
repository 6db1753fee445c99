package org.lbp.cds.evaluation.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.RiskLevel;

public record Flags(
        boolean pelvicInstabilitySuspected,
        List<Region> recruitedStabilisers,
        boolean nonResponse,
        @JsonInclude(JsonInclude.Include.ALWAYS) RiskLevel startBackRisk) {
}
