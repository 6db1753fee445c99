package org.lbp.cds.audit.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One evaluation's audit record, as stored: who asked, under which ruleset, the intake as received, the protocol
 * returned, the firings in order, and its place in the hash chain.
 */
public record RecordView(
        String evaluationId,
        String evaluatedAt,
        String caller,
        String patientId,
        String rulesetVersion,
        String status,
        JsonNode config,
        JsonNode intake,
        JsonNode protocol,
        List<FiringView> firings,
        long position,
        String previousHash,
        String hash) {
}
