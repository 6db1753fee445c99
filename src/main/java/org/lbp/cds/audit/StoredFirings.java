package org.lbp.cds.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a record's rule firings are stored: in the record's own row, as one JSON array in firing order
 * ({@code [{"sequence":1,"ruleId":"R01","ruleName":"...","facts":"..."}, ...]}), with the distinct rule ids beside it
 * ({@code " R01 R05 S03 "}) for searches by rule. One row per evaluation instead of one per firing: writing ~25
 * indexed rows per evaluation was most of the audit's cost under load. The hash chain covers the firings field by
 * field ({@link ChainHash}), not this text, so the storage form does not change any record's hash.
 */
final class StoredFirings {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<AuditEntry.FiringEntry>> LIST = new TypeReference<>() {
    };

    private StoredFirings() {
    }

    static String json(List<AuditEntry.FiringEntry> firings) {
        try {
            return MAPPER.writeValueAsString(firings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the firings", e);
        }
    }

    /** The distinct rule ids, sorted, each between spaces, so that {@code LIKE '% R05 %'} finds a rule. */
    static String ruleIds(List<AuditEntry.FiringEntry> firings) {
        TreeSet<String> ids = new TreeSet<>();
        firings.forEach(firing -> ids.add(firing.ruleId()));
        return " " + String.join(" ", ids) + " ";
    }

    /** The {@code LIKE} pattern of one rule id; null when the text cannot be a rule id (letters and digits only). */
    static String ruleIdPattern(String ruleId) {
        return ruleId.matches("[A-Za-z0-9]{1,8}") ? "% " + ruleId + " %" : null;
    }

    static List<AuditEntry.FiringEntry> parse(String json) {
        if (json == null) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(MAPPER.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            // An altered, unreadable firings text: verify reports the record's content as altered.
            return null;
        }
    }
}
