package org.lbp.cds.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.audit.ServiceProcess;
import org.lbp.cds.security.Tokens;
import org.lbp.cds.audit.TestStore;
import org.lbp.cds.evaluation.Clinic;

/**
 * The container image's class-data-sharing archive (docker/Dockerfile.jvm): a training run of the packaged service with
 * {@code lbp.exit-after-start=true} starts completely and exits 0, the JVM writes the archive of the classes it loaded,
 * and the service started on that archive maps the service's own classes from it, and the lambdas its start-up made, and
 * evaluates as before.
 */
class ClassDataSharingIT {

    /** The packages of the request path: the HTTP codec and server, the router, the REST layer, Jackson, the token check. */
    private static final List<String> REQUEST_PATH = List.of("] io.netty.handler.codec.http.", "] io.vertx.core.http.",
            "] io.vertx.ext.web.", "] io.quarkus.vertx.http.", "] org.jboss.resteasy.reactive.", "] io.quarkus.resteasy.reactive.",
            "] com.fasterxml.jackson.", "] io.smallrye.jwt.", "] org.lbp.cds.");

    @Test
    @DisplayName("A training run exits 0 after a complete start and its requests, and the service started on its archive loads"
            + " every class of its start-up and its first requests from it")
    void trainingRunThenArchive() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "cds-");
        try {
            Path archive = work.resolve("lbp-cds.jsa").toAbsolutePath();
            // as the image's training run: local keys, with which it mints the token of its evaluation request
            int status = ServiceProcess.runToExit("cds-training", List.of("lbp.exit-after-start=true",
                    "lbp.audit.data-dir=" + work.resolve("training-data").toAbsolutePath(), "lbp.security.local-keys=true",
                    "lbp.security.key-dir=" + Tokens.KEYS.toAbsolutePath()),
                    List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error"), Duration.ofSeconds(120));
            assertEquals(0, status, "the training run's exit status");
            String training = Files.readString(ServiceProcess.logOf("cds-training"));
            assertTrue(training.contains("Started completely and answered [POST /api/v1/evaluations 200, POST /api/v1/evaluations 400,"
                    + " POST /api/v1/evaluations 401, GET /q/health/ready 200, GET /q/health/live 200, GET /q/metrics 200];"
                    + " exiting"), training);
            assertTrue(Files.size(archive) > 1_000_000, "an archive of the start-up's classes: " + Files.size(archive) + " bytes");

            // -Xshare:on: the JVM refuses to start rather than run without the archive
            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), "cds-run",
                    List.of("lbp.audit.data-dir=" + work.resolve("data").toAbsolutePath()),
                    List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:class+load=info"))) {
                var answer = service.post("/api/v1/evaluations", Clinic.patient().id("PT-CDS").score("quads", 7, 3).body());
                assertEquals(200, answer.statusCode(), answer.body());
                var firstStep = Clinic.JSON.readTree(answer.body()).get("steps").get(0);
                assertEquals("quads_hip_flexors", firstStep.get("region").asText(), answer.body());
                assertEquals("left", firstStep.get("side").asText(), "the tighter side: " + answer.body());
                List<String> ruleEngine;
                try (Stream<String> lines = Files.lines(service.log())) {
                    ruleEngine = lines.filter(line -> line.contains(" org.lbp.cds.rules.RuleEngine ")).toList();
                }
                assertEquals(1, ruleEngine.size(), ruleEngine.toString());
                assertTrue(ruleEngine.get(0).contains("shared objects file (top)"), "the service's classes from the archive: " + ruleEngine);
                // the packaged jar's classes are the application class loader's, so the archive also holds the lambdas
                // they made in the training run (JDK 17 keeps none of a custom class loader's, such as Quarkus' fast-jar)
                List<String> startUpLambdas;
                try (Stream<String> lines = Files.lines(service.log())) {
                    startUpLambdas = lines.filter(line -> line.contains("[class,load] org.lbp.cds.rules.")
                            && line.contains("$$Lambda$")).toList();
                }
                assertFalse(startUpLambdas.isEmpty(), "the rules' start-up makes lambdas");
                assertEquals(List.of(), startUpLambdas.stream().filter(line -> !line.contains("shared objects file (top)")).toList(),
                        "lambdas of the rules' classes made at run time instead of mapped from the archive");
                // the training run's requests put the request path in the archive too (Netty's HTTP codec, Vert.x's server,
                // the REST layer's handlers: about 525 classes the first request loaded from the jar before): after the
                // probes and an evaluation, no class of the request path came from the jar. A few classes of paths that
                // depend on timing may still come from it (seen: two of Netty's bootstrap, when the server socket's
                // registration had not ended by the time it was bound, which it had in the training run).
                List<String> fromTheJar;
                try (Stream<String> lines = Files.lines(service.log())) {
                    fromTheJar = lines.filter(line -> line.contains("[class,load]") && line.contains("source: file:")).toList();
                }
                assertEquals(List.of(), fromTheJar.stream().filter(line -> REQUEST_PATH.stream().anyMatch(line::contains)).toList(),
                        "classes of the request path loaded from the jar instead of mapped from the archive");
                assertTrue(fromTheJar.size() <= 10, "classes loaded from the jar instead of mapped from the archive: " + fromTheJar);
                assertTrue(Files.readString(service.log()).contains("Knowledge base loaded from classpath (executable model built"
                        + " with the service, loaded from the entry point on)"), "the packaged service's entry point began the"
                        + " knowledge base's load (RulesPreload)");
            }
        } finally {
            TestStore.deleteTree(work);
        }
    }
}
