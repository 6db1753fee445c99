package org.lbp.cds.evaluation.api;

import java.util.Map;

import org.lbp.cds.codes.MappingMethod;
import org.lbp.cds.codes.PalpatedTightness;

/** The left/right map: scores by region code ({@code quads}, {@code hip_flexors}, ...). */
public record Mapping(
        MappingMethod method,
        Map<String, SideScores> scores,
        Integer lowBackTightnessFelt,
        PalpatedTightness lowBackTightnessPalpated,
        Boolean shoulderImbalanceObserved) {
}
