package org.lbp.cds.evaluation.api;

import java.util.List;

import org.lbp.cds.codes.PainLocation;

public record Pain(List<PainLocation> locations, Integer severityNow, Integer severityAtSession1) {
}
