package org.lbp.cds.ui;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the intake form's fields (named by their contract paths, e.g. {@code mapping.scores.quads.left},
 * {@code surgicalHistory[0].side}) into the intake JSON the API takes. It only types values (numbers, booleans,
 * lists); it never judges them: the service's own validation does, and its errors come back by the same paths.
 * An empty field is left out (an unanswered red flag stays unanswered).
 */
public final class FormIntake {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_]+)(?:\\[(\\d{1,2})])?");
    private static final Set<String> INTEGERS = Set.of("ageYears", "sessionNumber", "pain.severityNow",
            "pain.severityAtSession1", "mapping.lowBackTightnessFelt");
    private static final Set<String> LISTS = Set.of("pain.locations", "requestedRegions");

    private FormIntake() {
    }

    static boolean isInteger(String name) {
        return INTEGERS.contains(name) || name.startsWith("mapping.scores.");
    }

    static boolean isBoolean(String name) {
        return name.startsWith("redFlags.") || name.startsWith("episode.") || name.startsWith("startBack.item") && !name.endsWith("9")
                || Set.of("contraindications.dvtCurrentOrSuspected", "contraindications.fractureCurrent",
                        "contraindications.anticoagulantOrBleedingDisorder", "contraindications.severeThrombocytopenia",
                        "medicalClearance", "mapping.shoulderImbalanceObserved", "consent.lowBackRelease").contains(name);
    }

    public static ObjectNode toJson(Map<String, List<String>> form) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode intake = f.objectNode();
        intake.put("schemaVersion", "1.0");
        Map<String, List<String>> sorted = new TreeMap<>(form);
        for (Map.Entry<String, List<String>> field : sorted.entrySet()) {
            String name = field.getKey();
            if (!SEGMENT.matcher(name.replace(".", "")).find() || name.startsWith("ui.")) {
                continue;
            }
            List<String> values = field.getValue().stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
            if (LISTS.contains(name)) {
                ArrayNode array = f.arrayNode();
                values.forEach(array::add);
                if (!array.isEmpty() || name.equals("pain.locations")) {
                    put(intake, name, array);
                }
                continue;
            }
            if (values.isEmpty()) {
                continue;
            }
            put(intake, name, typed(name, values.get(0)));
        }
        completeScores(intake);
        dropEmptyRows(intake, "surgicalHistory");
        dropEmptyRows(intake, "priorInterventions");
        if (intake.path("contraindications").has("localLesions")) {
            dropEmptyRows((ObjectNode) intake.get("contraindications"), "localLesions");
        }
        return intake;
    }

    private static JsonNode typed(String name, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (isInteger(name)) {
            try {
                return f.numberNode(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                return f.textNode(value); // the service answers "type" for this field
            }
        }
        if (isBoolean(name) && ("true".equals(value) || "false".equals(value))) {
            return f.booleanNode(Boolean.parseBoolean(value));
        }
        if (name.endsWith(".date") && value.isEmpty()) {
            return f.nullNode();
        }
        return f.textNode(value);
    }

    /** A region with one side filled has the other side null (not mapped), as the contract says. */
    private static void completeScores(ObjectNode intake) {
        JsonNode scores = intake.path("mapping").path("scores");
        if (scores.isObject()) {
            scores.fields().forEachRemaining(region -> {
                if (region.getValue().isObject()) {
                    ObjectNode sides = (ObjectNode) region.getValue();
                    for (String side : List.of("left", "right")) {
                        if (!sides.has(side)) {
                            sides.putNull(side);
                        }
                    }
                }
            });
        }
    }

    private static void dropEmptyRows(ObjectNode parent, String name) {
        JsonNode rows = parent.get(name);
        if (rows == null || !rows.isArray()) {
            return;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        rows.forEach(row -> {
            if (row != null && !row.isNull() && !row.isEmpty()) {
                kept.add(row);
            }
        });
        if (kept.isEmpty()) {
            parent.remove(name);
        } else {
            parent.set(name, kept);
        }
    }

    /** Puts a value at a path of objects and array rows, creating them. */
    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            Matcher m = SEGMENT.matcher(parts[i]);
            if (!m.matches()) {
                return;
            }
            String key = m.group(1);
            boolean last = i == parts.length - 1;
            ObjectNode object = (ObjectNode) node;
            if (m.group(2) != null) {
                int index = Integer.parseInt(m.group(2));
                ArrayNode array = object.has(key) && object.get(key).isArray() ? (ArrayNode) object.get(key) : object.putArray(key);
                while (array.size() <= index) {
                    array.addNull();
                }
                if (last) {
                    array.set(index, value);
                    return;
                }
                if (!array.get(index).isObject()) {
                    array.set(index, JsonNodeFactory.instance.objectNode());
                }
                node = array.get(index);
            } else if (last) {
                object.set(key, value);
            } else {
                node = object.has(key) && object.get(key).isObject() ? object.get(key) : object.putObject(key);
            }
        }
    }

    /** The form's values back as field → value, to refill the form after an error. */
    public static Map<String, String> values(Map<String, List<String>> form) {
        Map<String, String> values = new TreeMap<>();
        form.forEach((name, list) -> {
            if (!list.isEmpty()) {
                values.put(name, LISTS.contains(name) ? String.join(",", list) : list.get(0));
            }
        });
        return values;
    }

}
