package org.lbp.cds.evaluation.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.lbp.cds.codes.Load;

/** The post gives no hold times: {@code duration} is always null unless a clinic authors one. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Dose(Load load, String duration) {
}
