package org.lbp.cds.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.codes.Code;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.api.AvoidEntry;
import org.lbp.cds.evaluation.api.Dose;
import org.lbp.cds.evaluation.api.FiredRule;
import org.lbp.cds.evaluation.api.Flags;
import org.lbp.cds.evaluation.api.Intake;
import org.lbp.cds.evaluation.api.MissingEntry;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.evaluation.api.ProtocolStep;
import org.lbp.cds.evaluation.api.ReferralEntry;
import org.lbp.cds.evaluation.api.WarningEntry;
import org.lbp.cds.problem.FieldError;
import org.lbp.cds.problem.Problem;
import org.lbp.cds.rules.RuleInfo;
import org.lbp.cds.rules.RulesResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * openapi/openapi.yaml and the implementation must agree: the same paths and methods, the same properties, required
 * fields and codes in the API types, real responses valid against the document, and the running service serving it.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(org.lbp.cds.security.AsEveryRole.class)
class OpenApiContractTest {

    private static JsonNode document;

    /** API types and the schema that documents each. */
    private static final Map<Class<?>, String> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put(Protocol.class, "Protocol");
        SCHEMAS.put(ProtocolStep.class, "Step");
        SCHEMAS.put(Dose.class, "Dose");
        SCHEMAS.put(AvoidEntry.class, "Avoid");
        SCHEMAS.put(ReferralEntry.class, "Referral");
        SCHEMAS.put(WarningEntry.class, "Warning");
        SCHEMAS.put(MissingEntry.class, "Missing");
        SCHEMAS.put(Flags.class, "Flags");
        SCHEMAS.put(FiredRule.class, "FiredRule");
        SCHEMAS.put(Problem.class, "Problem");
        SCHEMAS.put(FieldError.class, "FieldError");
        SCHEMAS.put(RulesResource.RulesetView.class, "Ruleset");
        SCHEMAS.put(RuleInfo.class, "RuleInfo");
        SCHEMAS.put(Intake.class, "Intake");
        SCHEMAS.put(org.lbp.cds.evaluation.api.Episode.class, "Episode");
        SCHEMAS.put(org.lbp.cds.evaluation.api.Pain.class, "Pain");
        SCHEMAS.put(org.lbp.cds.evaluation.api.Contraindications.class, "Contraindications");
        SCHEMAS.put(org.lbp.cds.evaluation.api.LocalLesionEntry.class, "LocalLesion");
        SCHEMAS.put(org.lbp.cds.evaluation.api.SurgeryEntry.class, "Surgery");
        SCHEMAS.put(org.lbp.cds.evaluation.api.Mapping.class, "Mapping");
        SCHEMAS.put(org.lbp.cds.evaluation.api.SideScores.class, "SideScores");
        SCHEMAS.put(org.lbp.cds.evaluation.api.PriorInterventionEntry.class, "PriorIntervention");
        SCHEMAS.put(org.lbp.cds.evaluation.api.Progress.class, "Progress");
        SCHEMAS.put(org.lbp.cds.evaluation.api.Consent.class, "Consent");
        SCHEMAS.put(org.lbp.cds.evaluation.api.StartBack.class, "StartBack");
        SCHEMAS.put(org.lbp.cds.audit.api.RecordView.class, "EvaluationRecord");
        SCHEMAS.put(org.lbp.cds.audit.api.FiringView.class, "RecordedFiring");
        SCHEMAS.put(org.lbp.cds.audit.api.EvaluationSummary.class, "EvaluationSummary");
        SCHEMAS.put(org.lbp.cds.audit.api.EvaluationPage.class, "EvaluationPage");
        SCHEMAS.put(org.lbp.cds.audit.api.RuleFiringCount.class, "RuleFiringCount");
        SCHEMAS.put(org.lbp.cds.audit.api.RuleFiringReport.class, "RuleFiringReport");
        SCHEMAS.put(org.lbp.cds.audit.api.RejectionReport.class, "RejectionReport");
        SCHEMAS.put(org.lbp.cds.audit.api.VerifyReport.class, "VerifyReport");
        SCHEMAS.put(org.lbp.cds.audit.api.VerifyReport.BrokenLink.class, "BrokenLink");
        SCHEMAS.put(org.lbp.cds.audit.api.ReplayResult.class, "ReplayResult");
        SCHEMAS.put(org.lbp.cds.security.AdminResource.Status.class, "AdminStatus");
    }

    @BeforeAll
    static void readDocument() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
    }

    @Test
    @DisplayName("Every JAX-RS endpoint is in the document, and every documented operation exists")
    void pathsAndMethods() throws Exception {
        Set<String> implemented = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "get" : method.isAnnotationPresent(POST.class) ? "post"
                        : method.isAnnotationPresent(PUT.class) ? "put" : method.isAnnotationPresent(DELETE.class) ? "delete" : null;
                if (verb != null) {
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    implemented.add(verb + " " + base + (sub == null ? "" : "/" + sub.value().replaceFirst("^/", "")));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(verb -> documented.add(verb + " " + path.getKey()));
        }
        assertEquals(documented, implemented);
    }

    @Test
    @DisplayName("Each API type has exactly its schema's properties, its required fields, and its codes")
    void schemasMatchTypes() {
        List<String> problems = new ArrayList<>();
        SCHEMAS.forEach((type, name) -> {
            JsonNode schema = document.get("components").get("schemas").get(name);
            if (schema == null) {
                problems.add("no schema " + name);
                return;
            }
            Set<String> documented = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> implemented = new TreeSet<>();
            for (RecordComponent component : type.getRecordComponents()) {
                implemented.add(component.getName());
                JsonNode property = resolve(schema.get("properties").get(component.getName()));
                Class<?> codes = codeType(component.getGenericType());
                if (property != null && codes != null) {
                    JsonNode enumNode = property.has("items") ? resolve(property.get("items")).get("enum") : property.get("enum");
                    Set<String> expected = new TreeSet<>();
                    for (Object value : codes.getEnumConstants()) {
                        expected.add(((Code) value).code());
                    }
                    Set<String> actual = new TreeSet<>();
                    if (enumNode != null) {
                        enumNode.forEach(value -> actual.add(value.asText()));
                    }
                    if (!expected.equals(actual)) {
                        problems.add(name + "." + component.getName() + ": codes " + expected + " documented as " + actual);
                    }
                }
            }
            if (!documented.equals(implemented)) {
                problems.add(name + ": properties " + implemented + " documented as " + documented);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @DisplayName("Real responses (ok, stop_refer, insufficient_data, 400, rules) are valid against the document")
    void responsesAreValid() throws Exception {
        List<String> problems = new ArrayList<>();
        validate(post(Clinic.patient().score("quads", 3, 7).score("glute_med", 7, 2).score("adductors", 2, 6).body(), 200),
                "Protocol", "$", problems);
        validate(post(Clinic.patient().acuteFlareUp().score("tfl", 6, 2).body(), 200), "Protocol", "$", problems);
        validate(post(Clinic.patient().redFlag("newBladderDysfunction", true).body(), 200), "Protocol", "$", problems);
        validate(post(Clinic.patient().redFlag("feverOrChills", null).score("it_band", null, 3).body(), 200),
                "Protocol", "$", problems);
        validate(post(Clinic.patient().set("ageYears", -3).set("bogus", 1).body(), 400), "Problem", "$", problems);
        validate(Clinic.JSON.readTree(given().get("/api/v1/rules").then().statusCode(200).extract().asString()),
                "Ruleset", "$", problems);
        String id = post(Clinic.patient().score("quads", 3, 7).body(), 200).get("evaluationId").asText();
        validate(get("/api/v1/evaluations/" + id), "EvaluationRecord", "$", problems);
        validate(get("/api/v1/evaluations?patientId=PT-TEST-01&size=5"), "EvaluationPage", "$", problems);
        validate(Clinic.JSON.readTree(given().post("/api/v1/evaluations/" + id + "/replay").then().statusCode(200)
                .extract().asString()), "ReplayResult", "$", problems);
        validate(get("/api/v1/audit/verify"), "VerifyReport", "$", problems);
        validate(get("/api/v1/admin/status"), "AdminStatus", "$", problems);
        validate(Clinic.JSON.readTree(given().header("Authorization", "Bearer x").get("/api/v1/rules").then().statusCode(401)
                .extract().asString()), "Problem", "$", problems);
        validate(get("/api/v1/audit/rule-firings"), "RuleFiringReport", "$", problems);
        validate(get("/api/v1/audit/rejections"), "RejectionReport", "$", problems);
        validate(Clinic.JSON.readTree(given().get("/api/v1/evaluations/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).extract().asString()), "Problem", "$", problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @DisplayName("The running service serves this document, and Swagger UI")
    void documentIsServed() throws Exception {
        String served = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        JsonNode servedDocument = Clinic.JSON.readTree(served);
        assertEquals(document.get("paths").size(), servedDocument.get("paths").size());
        assertEquals(document.get("components").get("schemas").size(), servedDocument.get("components").get("schemas").size());
        assertEquals(document.get("info").get("title"), servedDocument.get("info").get("title"));
        assertEquals(document, servedDocument, "the JSON form is the file, converted");
        String swagger = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertTrue(swagger.contains("'/q/openapi'"), "Swagger UI reads the served document");
    }

    @Test
    @DisplayName("The document is served byte for byte as written, YAML unless JSON is asked for by format, Accept or name")
    void formats() throws Exception {
        byte[] written = Files.readAllBytes(Path.of("openapi/openapi.yaml"));
        assertEquals(new String(written, java.nio.charset.StandardCharsets.UTF_8), given().get("/q/openapi").then().statusCode(200)
                .contentType("application/yaml").extract().asString());
        given().get("/q/openapi.yaml").then().statusCode(200).contentType("application/yaml");
        given().get("/q/openapi.yml").then().statusCode(200).contentType("application/yaml");
        given().accept("application/json").get("/q/openapi?format=yaml").then().statusCode(200).contentType("application/yaml");
        for (var json : List.of(given().accept("application/json").get("/q/openapi"), given().get("/q/openapi?format=JSON"),
                given().get("/q/openapi.json"))) {
            json.then().statusCode(200).contentType("application/json");
            assertEquals(document, Clinic.JSON.readTree(json.asString()));
        }
        given().head("/q/openapi").then().statusCode(200).header("Content-Length", String.valueOf(written.length));
        given().contentType(ContentType.JSON).body("{}").post("/q/openapi").then().statusCode(405);
    }

    private static JsonNode get(String path) throws Exception {
        return Clinic.JSON.readTree(given().get(path).then().statusCode(200).extract().asString());
    }

    private static JsonNode post(String body, int status) throws Exception {
        return Clinic.JSON.readTree(given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations")
                .then().statusCode(status).extract().asString());
    }

    /** A small validator for the parts of OpenAPI 3.0 this document uses. */
    private static void validate(JsonNode value, String schemaName, String at, List<String> problems) {
        validateAgainst(value, document.get("components").get("schemas").get(schemaName), at, problems);
    }

    private static void validateAgainst(JsonNode value, JsonNode schema, String at, List<String> problems) {
        schema = resolve(schema);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(at + ": null but not nullable");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(at + ": not an object");
                    return;
                }
                JsonNode properties = schema.path("properties");
                schema.path("required").forEach(required -> {
                    if (!value.has(required.asText())) {
                        problems.add(at + ": missing required " + required.asText());
                    }
                });
                if (schema.path("additionalProperties").asBoolean(false) && !schema.has("properties")) {
                    return; // a free-form object (the intake as received, the thresholds)
                }
                value.fields().forEachRemaining(field -> {
                    if (!properties.has(field.getKey())) {
                        problems.add(at + "." + field.getKey() + ": not in the document");
                    } else {
                        validateAgainst(field.getValue(), properties.get(field.getKey()), at + "." + field.getKey(), problems);
                    }
                });
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": not an array");
                    return;
                }
                if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                    problems.add(at + ": fewer items than " + schema.get("minItems"));
                }
                for (int i = 0; i < value.size(); i++) {
                    validateAgainst(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at + ": not a string");
                } else if (schema.has("enum")) {
                    boolean known = false;
                    for (JsonNode option : schema.get("enum")) {
                        known |= option.asText().equals(value.asText());
                    }
                    if (!known) {
                        problems.add(at + ": " + value.asText() + " not in " + schema.get("enum"));
                    }
                } else if (schema.has("pattern") && !value.asText().matches(schema.get("pattern").asText())) {
                    problems.add(at + ": " + value.asText() + " does not match " + schema.get("pattern").asText());
                } else if (schema.has("minLength") && value.asText().length() < schema.get("minLength").asInt()) {
                    problems.add(at + ": too short");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + ": not an integer");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": not a boolean");
                }
            }
            default -> problems.add(at + ": schema without a type");
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return document.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    private static Class<?> codeType(Type type) {
        if (type instanceof Class<?> c && c.isEnum() && Code.class.isAssignableFrom(c)) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return codeType(p.getActualTypeArguments()[0]);
        }
        return null;
    }

    /** The resource classes: every compiled class of the application annotated with @Path. */
    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        Path root = Path.of("target/classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, OpenApiContractTest.class.getClassLoader());
                jakarta.ws.rs.Produces produces = type.getAnnotation(jakarta.ws.rs.Produces.class);
                boolean pages = produces != null && java.util.Arrays.asList(produces.value()).contains("text/html");
                // the practitioner's HTML pages and the benchmarks' echo (404 outside the bench profile) are not the API
                boolean bench = type.getPackageName().endsWith(".bench");
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class) && !pages && !bench) {
                    resources.add(type);
                }
            }
        }
        if (resources.isEmpty()) {
            fail("no resource classes found under target/classes");
        }
        return resources;
    }
}
