package org.lbp.cds.audit.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored evaluation re-run with its stored intake, thresholds and ruleset.
 *
 * @param identical   the replayed protocol equals the stored one (apart from nothing: same id and time are reused)
 * @param differences JSON paths where they differ (empty when identical)
 */
public record ReplayResult(String evaluationId, String rulesetVersion, String currentRulesetVersion, boolean identical,
        List<String> differences, JsonNode replayedProtocol) {
}
