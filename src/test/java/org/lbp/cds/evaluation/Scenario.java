package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lbp.cds.evaluation.api.AvoidEntry;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.evaluation.api.ReferralEntry;
import org.lbp.cds.evaluation.api.WarningEntry;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * A clinical case written as data in {@code src/test/resources/scenarios/*.json}, so that a clinician can add one
 * without writing Java. A file holds a family of cases:
 *
 * <pre>
 * {"family": "...", "cases": [{
 *    "name": "what the case shows",
 *    "base": "first-session",                      // a file of scenarios/base/ (default first-session), or
 *    "intake": {...},                              // a whole intake instead of a base
 *    "set": {"episode.acuteFlareUp": true, "mapping.scores.quads": {"left": 7, "right": 4}},
 *    "remove": ["redFlags.osteoporosis"],
 *    "thresholds": {"imbalance": 2, "frontBack": 4, "stabiliserTightness": 5, "gluteBanScope": "acute_flare_up"},
 *    "expect": {
 *      "status": "ok",
 *      "steps": ["quads_hip_flexors right"],       // exactly these, in this order ("region side")
 *      "stepRuleIds": {"quads_hip_flexors": ["R05", "R06"]},   // the step cites at least these
 *      "stepLoads": {"quads_hip_flexors": "light_only"},
 *      "stepDetails": {"low_back": {"technique": "low_back_release_practitioner_only", "performer": "practitioner",
 *                                   "recheckAfter": true}},                 // only the fields named
 *      "avoid": [...], "avoidIncludes": [...], "avoidExcludes": [...],        // item codes, "item region side" when placed
 *      "warnings": [...], "warningsInclude": [...], "warningsExclude": [...],   // codes
 *      "referrals": ["soon gp_or_physician NON_RESPONSE_AFTER_6_SESSIONS"],  // exactly, "urgency to reason,reason"
 *      "recommendations": [...], "missing": ["mapping.scores.quads.left MAPPING_INCOMPLETE"],
 *      "flags": {"nonResponse": true},             // only the flags named
 *      "fired": [...], "firedIncludes": [...], "firedExcludes": [...],       // rule ids
 *      "ruleIds": {"warning:CODE": [...], "avoid:item": [...], "referral:REASON": [...]}  // cites at least these
 *    }}]}
 * </pre>
 */
public record Scenario(String file, String name, ObjectNode intake, Thresholds thresholds, JsonNode expect) {

    public static final Path DIRECTORY = Path.of("src/test/resources/scenarios");

    @Override
    public String toString() {
        return file + ": " + name;
    }

    /** Every case of every scenario file, in file order. */
    public static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = Clinic.JSON.readTree(Files.readString(file));
                assertTrue(root.path("cases").isArray() && !root.path("cases").isEmpty(), file + ": no cases");
                for (JsonNode item : root.get("cases")) {
                    scenarios.add(read(file.getFileName().toString(), item));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scenarios;
    }

    private static Scenario read(String file, JsonNode item) throws IOException {
        String name = item.path("name").asText(null);
        assertTrue(name != null && !name.isBlank(), file + ": a case without a name");
        assertTrue(item.has("expect"), file + ": " + name + ": no expect");
        ObjectNode intake = item.has("intake") ? (ObjectNode) item.get("intake").deepCopy()
                : (ObjectNode) Clinic.JSON.readTree(Files.readString(
                        DIRECTORY.resolve("base").resolve(item.path("base").asText("first-session") + ".json")));
        for (Iterator<Map.Entry<String, JsonNode>> it = item.path("set").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            parent(intake, entry.getKey(), true).set(leaf(entry.getKey()), entry.getValue());
        }
        for (JsonNode path : item.path("remove")) {
            parent(intake, path.asText(), false).remove(leaf(path.asText()));
        }
        Thresholds thresholds = Thresholds.DEFAULTS;
        if (item.has("thresholds")) {
            JsonNode t = item.get("thresholds");
            thresholds = new Thresholds(t.path("imbalance").asInt(thresholds.imbalance()),
                    t.path("frontBack").asInt(thresholds.frontBack()),
                    t.path("stabiliserTightness").asInt(thresholds.stabiliserTightness()),
                    t.has("gluteBanScope") ? Thresholds.GluteBanScope.valueOf(t.get("gluteBanScope").asText().toUpperCase())
                            : thresholds.gluteBan());
        }
        return new Scenario(file, name, intake, thresholds, item.get("expect"));
    }

    private static ObjectNode parent(ObjectNode root, String path, boolean create) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!node.has(parts[i]) && create) {
                node.putObject(parts[i]);
            }
            node = (ObjectNode) node.get(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    public Protocol evaluate() {
        Clinic clinic = Clinic.of(intake);
        return thresholds.equals(Thresholds.DEFAULTS) ? clinic.evaluate() : clinic.evaluate(thresholds);
    }

    /** Checks every expectation the case names against the protocol. */
    public void check(Protocol protocol) {
        String where = toString();
        if (expect.has("status")) {
            assertEquals(expect.get("status").asText(), protocol.status().code(), where + ": status");
        }
        if (expect.has("steps")) {
            assertEquals(texts(expect.get("steps")), Clinic.steps(protocol), where + ": steps");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("stepRuleIds").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            assertCites(Clinic.step(protocol, entry.getKey()).ruleIds(), entry.getValue(), where + ": step " + entry.getKey());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("stepLoads").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            assertEquals(entry.getValue().asText(), Clinic.step(protocol, entry.getKey()).dose().load().code(),
                    where + ": load of " + entry.getKey());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("stepDetails").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode step = Clinic.JSON.valueToTree(Clinic.step(protocol, entry.getKey()));
            for (Iterator<Map.Entry<String, JsonNode>> fields = entry.getValue().fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertEquals(field.getValue(), step.get(field.getKey()), where + ": " + entry.getKey() + "." + field.getKey());
            }
        }
        List<String> avoid = protocol.avoid().stream().map(Scenario::avoidText).toList();
        checkList(avoid, "avoid", where);
        checkList(protocol.warnings().stream().map(WarningEntry::code).toList(), "warnings", where);
        if (expect.has("referrals")) {
            assertEquals(texts(expect.get("referrals")), protocol.referrals().stream().map(Scenario::referralText).toList(),
                    where + ": referrals");
        }
        if (expect.has("recommendations")) {
            assertEquals(texts(expect.get("recommendations")), protocol.recommendations(), where + ": recommendations");
        }
        if (expect.has("missing")) {
            assertEquals(texts(expect.get("missing")),
                    protocol.missing().stream().map(missing -> missing.field() + " " + missing.code()).toList(),
                    where + ": missing");
        }
        JsonNode flags = Clinic.JSON.valueToTree(protocol.flags());
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("flags").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            assertEquals(entry.getValue(), flags.get(entry.getKey()), where + ": flags." + entry.getKey());
        }
        TreeSet<String> fired = Clinic.fired(protocol);
        if (expect.has("fired")) {
            assertEquals(new TreeSet<>(texts(expect.get("fired"))), fired, where + ": rules fired");
        }
        texts(expect.path("firedIncludes")).forEach(id -> assertTrue(fired.contains(id), where + ": " + id + " did not fire: " + fired));
        texts(expect.path("firedExcludes")).forEach(id -> assertTrue(!fired.contains(id), where + ": " + id + " fired: " + fired));
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("ruleIds").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            assertCites(citedBy(protocol, entry.getKey(), where), entry.getValue(), where + ": " + entry.getKey());
        }
    }

    private void checkList(List<String> actual, String key, String where) {
        if (expect.has(key)) {
            assertEquals(texts(expect.get(key)), actual, where + ": " + key);
        }
        String includes = key.equals("avoid") ? "avoidIncludes" : "warningsInclude";
        String excludes = key.equals("avoid") ? "avoidExcludes" : "warningsExclude";
        texts(expect.path(includes)).forEach(item -> assertTrue(actual.contains(item), where + ": " + key + " lacks " + item + ": " + actual));
        texts(expect.path(excludes)).forEach(item -> assertTrue(!actual.contains(item), where + ": " + key + " has " + item + ": " + actual));
    }

    private static List<String> citedBy(Protocol protocol, String item, String where) {
        String kind = item.substring(0, item.indexOf(':'));
        String code = item.substring(item.indexOf(':') + 1);
        Function<List<String>, List<String>> found = ids -> {
            assertTrue(ids != null, where + ": no " + item + " in the protocol");
            return ids;
        };
        return found.apply(switch (kind) {
            case "warning" -> protocol.warnings().stream().filter(w -> w.code().equals(code)).map(WarningEntry::ruleIds)
                    .findFirst().orElse(null);
            case "avoid" -> protocol.avoid().stream().filter(a -> avoidText(a).equals(code)).map(AvoidEntry::ruleIds)
                    .findFirst().orElse(null);
            case "referral" -> protocol.referrals().stream().filter(r -> r.reasonCodes().contains(code))
                    .map(ReferralEntry::ruleIds).findFirst().orElse(null);
            default -> throw new AssertionError(where + ": unknown kind " + kind);
        });
    }

    private static void assertCites(List<String> ids, JsonNode expected, String where) {
        Set<String> wanted = new LinkedHashSet<>(texts(expected));
        assertTrue(ids.containsAll(wanted), where + ": cites " + ids + ", expected at least " + wanted);
    }

    static String avoidText(AvoidEntry avoid) {
        return avoid.item().code() + (avoid.region() == null ? "" : " " + avoid.region())
                + (avoid.side() == null ? "" : " " + avoid.side().code());
    }

    static String referralText(ReferralEntry referral) {
        return referral.urgency().code() + " " + referral.to().code() + " " + String.join(",", referral.reasonCodes());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
