package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.lbp.cds.evaluation.api.FiredRule;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.evaluation.api.ProtocolStep;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * Clinical cases for tests: an intake that starts as a typical, valid, balanced first session (every red flag
 * answered no, every leg region mapped 4/4) and is changed the way the case says, evaluated by the real pipeline
 * (parser, facts, the rules in rules/ as the executable model the service runs, assembler) without HTTP.
 */
public final class Clinic {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The date the tests run "today". */
    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** The service's knowledge base: the executable model generated from rules/ by the build. */
    private static final RuleEngine ENGINE = new RuleEngine("classpath");
    /** The same rules as interpreted DRL, compiled from the folder (what replay does with stored rulesets). */
    private static final RuleEngine INTERPRETED = new RuleEngine("rules");
    private static final EvaluationService SERVICE = new EvaluationService(ENGINE, Thresholds.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));

    private final ObjectNode intake;

    private Clinic(ObjectNode intake) {
        this.intake = intake;
    }

    public static RuleEngine engine() {
        return ENGINE;
    }

    public static RuleEngine interpretedEngine() {
        return INTERPRETED;
    }

    /** The base intake of the scenarios: a 42-year-old's first session, no flare-up, every red flag no, every leg region 4/4. */
    public static final String BASE = "src/test/resources/scenarios/base/first-session.json";

    /** A 42-year-old's first session for low back pain: no flare-up, every red flag no, every leg region 4/4. */
    public static Clinic patient() {
        return fromFile(BASE).id("PT-TEST-01");
    }

    /** A given intake (a copy is kept). */
    public static Clinic of(ObjectNode intake) {
        return new Clinic(intake.deepCopy());
    }

    /** An intake read from a file (e.g. examples/). */
    public static Clinic fromFile(String path) {
        try {
            return new Clinic((ObjectNode) JSON.readTree(Files.readString(Path.of(path))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Clinic id(String patientId) {
        intake.put("patientId", patientId);
        return this;
    }

    /** Tightness of a region, left and right (null: that side not mapped). */
    public Clinic score(String region, Integer left, Integer right) {
        ObjectNode sides = ((ObjectNode) intake.get("mapping").get("scores")).putObject(region);
        if (left == null) {
            sides.putNull("left");
        } else {
            sides.put("left", left);
        }
        if (right == null) {
            sides.putNull("right");
        } else {
            sides.put("right", right);
        }
        return this;
    }

    public Clinic acuteFlareUp() {
        ((ObjectNode) intake.get("episode")).put("acuteFlareUp", true);
        return this;
    }

    public Clinic age(int years) {
        intake.put("ageYears", years);
        return this;
    }

    public Clinic painAt(String... locations) {
        ArrayNode array = ((ObjectNode) intake.get("pain")).putArray("locations");
        Arrays.stream(locations).forEach(array::add);
        return this;
    }

    /** A red-flag answer: true, false, or null (not asked yet). */
    public Clinic redFlag(String key, Boolean answer) {
        ObjectNode flags = (ObjectNode) intake.get("redFlags");
        if (answer == null) {
            flags.putNull(key);
        } else {
            flags.put(key, answer);
        }
        return this;
    }

    public Clinic withoutRedFlag(String key) {
        ((ObjectNode) intake.get("redFlags")).remove(key);
        return this;
    }

    public Clinic shoulderImbalanceObserved() {
        ((ObjectNode) intake.get("mapping")).put("shoulderImbalanceObserved", true);
        return this;
    }

    /** Sets any field by a dotted path of objects, e.g. {@code set("pain.severityNow", 7)}. */
    public Clinic set(String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = intake;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], JSON.valueToTree(value));
        return this;
    }

    public Clinic remove(String path) {
        String[] parts = path.split("\\.");
        ObjectNode node = intake;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        node.remove(parts[parts.length - 1]);
        return this;
    }

    public ObjectNode json() {
        return intake.deepCopy();
    }

    public String body() {
        return intake.toString();
    }

    public Protocol evaluate() {
        return SERVICE.evaluate((JsonNode) intake.deepCopy());
    }

    /** Evaluates with other thresholds than the defaults (a clinic's configuration). */
    public Protocol evaluate(Thresholds thresholds) {
        return evaluate(ENGINE, thresholds);
    }

    /** Evaluated by a given knowledge base (the executable model, or the interpreted DRL). */
    public Protocol evaluate(RuleEngine engine, Thresholds thresholds) {
        return new EvaluationService(engine, thresholds, Clock.fixed(NOW, ZoneOffset.UTC)).evaluate((JsonNode) intake.deepCopy());
    }

    // ---- reading a protocol as a clinician would

    /** The steps as "region side", in order. */
    public static List<String> steps(Protocol protocol) {
        return protocol.steps().stream().map(step -> step.region().code() + " " + step.side().code()).toList();
    }

    /** The step of one region. */
    public static ProtocolStep step(Protocol protocol, String region) {
        return protocol.steps().stream().filter(step -> step.region().code().equals(region)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + region + " step in " + steps(protocol)));
    }

    public static List<String> avoid(Protocol protocol) {
        return protocol.avoid().stream().map(avoid -> avoid.item().code()).toList();
    }

    public static List<String> warnings(Protocol protocol) {
        return protocol.warnings().stream().map(warning -> warning.code()).toList();
    }

    /** The distinct ids of the rules that fired, sorted. */
    public static TreeSet<String> fired(Protocol protocol) {
        return protocol.firedRules().stream().map(FiredRule::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    public static void assertFired(Protocol protocol, String... ruleIds) {
        assertEquals(new TreeSet<>(List.of(ruleIds)), fired(protocol), "rules fired");
    }
}
