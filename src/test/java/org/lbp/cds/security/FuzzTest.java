package org.lbp.cds.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.GeneratedIntake;

/**
 * Bounded fuzzing of POST /api/v1/evaluations: thousands of valid intakes mutated (fields removed, values replaced by
 * other types, unknown and duplicated keys, truncation, stray bytes and odd Unicode, deep nesting, huge values) and
 * random bodies. Every answer must be 200 or 4xx, a well-formed JSON body, a problem document for 4xx with no
 * internals, and never a protocol for a body that is known to be invalid. The corpus in
 * {@code src/test/resources/fuzz-corpus/} holds interesting inputs found so far, replayed first as regression cases;
 * a new finding is written to {@code target/fuzz-findings/} to be added there.
 */
@QuarkusTest
class FuzzTest {

    static final int INPUTS = Integer.getInteger("lbp.fuzz.inputs", 3000);
    static final long SEED = Long.getLong("lbp.fuzz.seed", System.nanoTime());
    static final Path CORPUS = Path.of("src/test/resources/fuzz-corpus/corpus.json");
    static final Path FINDINGS = Path.of("target/fuzz-findings");

    private static final List<String> ODD = List.of("\u0000", "\u0007", "\u001b[31m", "\u202E", "\u200B", "\uFEFF",
            "\uD83D\uDE00", "\uD800", "é", "\\", "\"", "{", "}", "[", "]", ",", ":", "\n", "\t", "'", "<", "%s", "${x}");

    @BeforeAll
    static void authenticate() {
        io.restassured.RestAssured.filters(Tokens.asEveryRole());
    }

    @AfterAll
    static void forgetToken() {
        io.restassured.RestAssured.reset();
    }

    /** A fuzz input: the body, what was done to it, and whether it is certainly invalid. */
    record Input(String body, String mutation, boolean invalid) {
    }

    @Test
    @DisplayName("The corpus of earlier findings: each still answered as expected")
    void corpus() throws IOException {
        JsonNode cases = Clinic.JSON.readTree(Files.readString(CORPUS));
        List<String> failures = new ArrayList<>();
        for (JsonNode item : cases) {
            Input input = new Input(item.get("body").asText(), item.get("name").asText(), item.get("invalid").asBoolean());
            String problem = check(input);
            if (problem != null) {
                failures.add(input.mutation() + ": " + problem);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @DisplayName("Thousands of mutated and random bodies: 200 or 4xx, well-formed, no internals, no protocol for invalid input")
    void fuzz() throws IOException {
        Random random = new Random(SEED);
        List<GeneratedIntake> seeds = GeneratedIntake.intakes().sampleStream().limit(200).toList();
        int findings = 0;
        int invalid = 0;
        long start = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            Input input = mutate(seeds.get(random.nextInt(seeds.size())).json(), random);
            invalid += input.invalid() ? 1 : 0;
            String problem = check(input);
            if (problem != null) {
                findings++;
                Files.createDirectories(FINDINGS);
                Files.writeString(FINDINGS.resolve("finding-" + SEED + "-" + i + ".txt"),
                        input.mutation() + "\n" + problem + "\n" + input.body(), StandardCharsets.UTF_8);
            }
        }
        System.out.printf("fuzz: %d inputs (%d certainly invalid), seed %d, %d findings, %.1f s%n", INPUTS, invalid, SEED,
                findings, (System.nanoTime() - start) / 1e9);
        assertTrue(findings == 0, findings + " findings, written to " + FINDINGS + " (seed " + SEED + ")");
    }

    /** What is wrong with the answer to one input, or null. */
    static String check(Input input) {
        Response response = given().contentType("application/json").body(input.body().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/evaluations");
        int status = response.statusCode();
        String text = response.asString();
        if (status != 200 && (status < 400 || status >= 500)) {
            return "status " + status + ": " + text;
        }
        JsonNode body;
        try {
            body = Clinic.JSON.readTree(text);
        } catch (IOException e) {
            return "body is not JSON: " + text;
        }
        if (body == null || !body.isObject()) {
            return "body is not a JSON object: " + text;
        }
        if (status == 200) {
            if (input.invalid()) {
                return "a protocol for an invalid body";
            }
            if (!body.hasNonNull("evaluationId") || !body.hasNonNull("status") || body.path("disclaimer").asText().isBlank()) {
                return "200 without a protocol: " + text;
            }
            return null;
        }
        if (!String.valueOf(response.contentType()).startsWith("application/problem+json") || body.path("status").asInt() != status
                || !body.hasNonNull("type") || !body.hasNonNull("title")) {
            return "4xx without a problem document: " + response.contentType() + " " + text;
        }
        if (body.has("evaluationId") || text.contains("Exception") || text.contains("java.") || text.contains("\tat ")
                || text.contains("org.lbp")) {
            return "internals or a protocol in a problem: " + text;
        }
        return null;
    }

    // ---- mutations

    static Input mutate(ObjectNode intake, Random random) {
        int kind = random.nextInt(14);
        switch (kind) {
            case 0 -> {
                String path = randomPath(intake, random, true);
                remove(intake, path);
                return new Input(intake.toString(), "remove " + path, false);
            }
            case 1, 2, 3 -> {
                String path = randomPath(intake, random, false);
                JsonNode value = randomValue(random, 0);
                set(intake, path, value);
                return new Input(intake.toString(), "replace " + path + " with " + abbreviate(value.toString()), false);
            }
            case 4 -> {
                String path = randomObjectPath(intake, random);
                ObjectNode target = (ObjectNode) (path.isEmpty() ? intake : at(intake, path));
                target.set("unknown" + random.nextInt(1000), randomValue(random, 0));
                return new Input(intake.toString(), "unknown field in " + (path.isEmpty() ? "$" : path), true);
            }
            case 5 -> {
                String text = intake.toString();
                String key = List.of("patientId", "ageYears", "sessionNumber", "schemaVersion").get(random.nextInt(4));
                return new Input("{\"" + key + "\":" + randomValue(random, 2) + "," + text.substring(1),
                        "duplicate key " + key, true);
            }
            case 6 -> {
                String text = intake.toString();
                int cut = 1 + random.nextInt(text.length() - 1);
                return new Input(text.substring(0, cut), "truncated at " + cut, true);
            }
            case 7, 8 -> {
                StringBuilder text = new StringBuilder(intake.toString());
                int times = 1 + random.nextInt(3);
                for (int t = 0; t < times; t++) {
                    int at = random.nextInt(text.length());
                    if (random.nextBoolean()) {
                        text.insert(at, ODD.get(random.nextInt(ODD.size())));
                    } else {
                        text.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
                return new Input(text.toString(), "stray characters", false);
            }
            case 9 -> {
                String path = randomPath(intake, random, false);
                int depth = 20 + random.nextInt(2000);
                JsonNode nested = JsonNodeFactory.instance.arrayNode();
                String text = intake.toString();
                set(intake, path, nested);
                text = intake.toString().replace("\"" + leaf(path) + "\":[]",
                        "\"" + leaf(path) + "\":" + "[".repeat(depth) + "]".repeat(depth));
                return new Input(text, "nesting " + depth + " at " + path, true);
            }
            case 10 -> {
                String path = randomPath(intake, random, false);
                int length = random.nextInt(60_000);
                set(intake, path, JsonNodeFactory.instance.textNode("Z".repeat(length)));
                return new Input(intake.toString(), "string of " + length + " at " + path, false);
            }
            case 11 -> {
                String path = randomPath(intake, random, false);
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                int size = random.nextInt(5000);
                for (int i = 0; i < size; i++) {
                    array.add(random.nextInt(10));
                }
                set(intake, path, array);
                return new Input(intake.toString(), "array of " + size + " at " + path, false);
            }
            case 12 -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                return new Input(new String(bytes, StandardCharsets.ISO_8859_1), "random bytes", !looksLikeJson(bytes));
            }
            default -> {
                return new Input(randomValue(random, 0).toString(), "random JSON", true);
            }
        }
    }

    private static boolean looksLikeJson(byte[] bytes) {
        return bytes.length > 0 && (bytes[0] == '{');
    }

    static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 2 ? 8 : 10)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt(400) - 200);
            case 3 -> f.numberNode(random.nextDouble() * 1e6);
            case 4 -> f.textNode(ODD.get(random.nextInt(ODD.size())) + "x" + random.nextInt(99));
            case 5 -> f.textNode(List.of("low_back", "left", "right", "yes", "no", "first_session", "2026-11-20",
                    "2099-01-01", "", "1.0").get(random.nextInt(10)));
            case 6 -> f.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(60))));
            case 7 -> f.numberNode(Long.MIN_VALUE);
            case 8 -> {
                ArrayNode array = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = f.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k" + random.nextInt(50), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    /** A random dotted path to a value (objects only; arrays are treated as leaves). */
    static String randomPath(JsonNode root, Random random, boolean any) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths, false);
        return paths.get(random.nextInt(paths.size()));
    }

    static String randomObjectPath(JsonNode root, Random random) {
        List<String> paths = new ArrayList<>();
        paths.add("");
        collect(root, "", paths, true);
        return paths.get(random.nextInt(paths.size()));
    }

    private static void collect(JsonNode node, String prefix, List<String> paths, boolean objectsOnly) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject()) {
                if (objectsOnly) {
                    paths.add(path);
                }
                collect(field.getValue(), path, paths, objectsOnly);
            }
            if (!objectsOnly) {
                paths.add(path);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.get(part);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
        ((ObjectNode) (parent.isEmpty() ? root : at(root, parent))).set(leaf(path), value);
    }

    private static void remove(ObjectNode root, String path) {
        String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
        ((ObjectNode) (parent.isEmpty() ? root : at(root, parent))).remove(leaf(path));
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
