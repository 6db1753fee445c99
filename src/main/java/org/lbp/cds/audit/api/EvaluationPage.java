package org.lbp.cds.audit.api;

import java.util.List;

/** A page of search results, newest first. */
public record EvaluationPage(int page, int size, long total, List<EvaluationSummary> items) {
}
