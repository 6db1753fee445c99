package org.lbp.cds.evaluation.api;

import org.lbp.cds.codes.MissingCode;

public record MissingEntry(String field, MissingCode code) {
}
