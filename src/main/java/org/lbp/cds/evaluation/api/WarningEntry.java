package org.lbp.cds.evaluation.api;

import java.util.List;

public record WarningEntry(String code, String message, List<String> ruleIds) {
}
