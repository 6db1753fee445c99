package org.lbp.cds.evaluation.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.lbp.cds.codes.AvoidItem;
import org.lbp.cds.codes.Side;

public record AvoidEntry(
        AvoidItem item,
        @JsonInclude(JsonInclude.Include.NON_NULL) String region,
        @JsonInclude(JsonInclude.Include.NON_NULL) Side side,
        String reason,
        List<String> ruleIds) {
}
