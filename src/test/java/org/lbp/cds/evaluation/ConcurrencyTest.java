package org.lbp.cds.evaluation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Concurrent evaluations share the knowledge base, never a session: each answer equals the one given alone. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(org.lbp.cds.security.AsEveryRole.class)
class ConcurrencyTest {

    private static final String[] REGIONS = {"quads", "hip_flexors", "adductors", "it_band", "hamstrings", "lats",
            "glute_med", "piriformis", "tfl", "ql"};

    @Test
    @DisplayName("16 threads posting 60 different intakes 5 times each: every answer equals the same intake's answer alone")
    void concurrentAnswersEqualSequentialOnes() throws Exception {
        Random random = new Random(20261125);
        List<String> intakes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Clinic clinic = Clinic.patient().id("PT-CONC-" + i);
            for (String region : REGIONS) {
                clinic.score(region, random.nextInt(11), random.nextInt(11));
            }
            if (random.nextInt(4) == 0) {
                clinic.acuteFlareUp();
            }
            if (random.nextInt(10) == 0) {
                clinic.redFlag("newBowelDysfunction", true);
            }
            intakes.add(clinic.body());
        }
        List<JsonNode> alone = new ArrayList<>();
        for (String intake : intakes) {
            alone.add(withoutIds(post(intake)));
        }
        Set<String> statuses = new HashSet<>();
        alone.forEach(answer -> statuses.add(answer.get("status").asText()));
        assertEquals(Set.of("ok", "stop_refer"), statuses, "the intakes reach more than one status");

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < intakes.size(); i++) {
                    int index = i;
                    Callable<Void> task = () -> {
                        assertEquals(alone.get(index), withoutIds(post(intakes.get(index))), "intake " + index);
                        return null;
                    };
                    results.add(pool.submit(task));
                }
            }
            for (Future<Void> result : results) {
                result.get();
            }
            assertEquals(300, results.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode post(String intake) throws Exception {
        String body = given().contentType(ContentType.JSON).body(intake).post("/api/v1/evaluations")
                .then().statusCode(200).extract().asString();
        return Clinic.JSON.readTree(body);
    }

    private static JsonNode withoutIds(JsonNode protocol) {
        ObjectNode copy = protocol.deepCopy();
        copy.remove("evaluationId");
        copy.remove("evaluatedAt");
        return copy;
    }
}
