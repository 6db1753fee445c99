package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;

/**
 * The packaged service, two instances on one PostgreSQL database, under concurrent load: one instance is killed with
 * SIGKILL mid-load and restarted. Every evaluation a client received with a 200 must be in the trail, and the chain
 * written by both instances must verify.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private static TestStore store;
    private static final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void createStore() {
        assertTrue(JAR.toFile().exists(), "package the service first: " + JAR);
        store = TestStore.createPostgres();
    }

    @AfterAll
    static void cleanUp() {
        processes.forEach(Process::destroyForcibly);
        if (store != null) {
            store.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process start(int port, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dlbp.audit.jdbc-url=" + store.url(), "-Dlbp.audit.username=" + store.user(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/crash-it-" + name + ".log"));
        Process process = builder.start();
        processes.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(process.isAlive(), "instance " + name + " died at start; see target/crash-it-" + name + ".log");
            Thread.sleep(200);
        }
        throw new AssertionError("instance " + name + " not ready in 60 s");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/evaluations"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("SIGKILL under load, two instances on one PostgreSQL: every 200 is recorded, and the chain verifies")
    void killedUnderLoad() throws Exception {
        int[] ports = {freePort(), freePort()};
        Process first = start(ports[0], "a");
        start(ports[1], "b");

        Queue<String> answered = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            bodies.add(Clinic.patient().id("PT-CRASH-" + (i % 8)).score("quads", i % 10, (i / 8) % 10).body());
        }
        for (int port : ports) { // past the cold first requests, so the kill lands in steady load
            for (int i = 0; i < 5; i++) {
                post(port, bodies.get(i));
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.submit(() -> {
                int i = 0;
                while (loading.get()) {
                    int port = ports[(client + i++) % 2];
                    String body = bodies.get((client * 10 + i) % bodies.size());
                    try {
                        HttpResponse<String> response = post(port, body);
                        if (response.statusCode() == 200) {
                            answered.add(Clinic.JSON.readTree(response.body()).get("evaluationId").asText());
                        } else {
                            if (failed.incrementAndGet() < 3) {
                                System.out.println("crash test: answer " + response.statusCode() + " " + response.body());
                            }
                        }
                    } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                        failed.incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet(); // the connection died with the killed instance: no answer, no claim
                    } catch (Throwable e) {
                        System.out.println("crash test: client error " + e);
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Thread.sleep(3000);
        long beforeKill = answered.size();
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        first.waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(1500);
        loading.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(beforeKill > 50, "load before the kill: " + beforeKill);

        start(ports[0], "a-restarted");
        int missing = 0;
        for (String id : answered) {
            if (get(ports[0], "/api/v1/evaluations/" + id).statusCode() != 200) {
                missing++;
            }
        }
        assertEquals(0, missing, "of " + answered.size() + " evaluations answered 200, missing from the trail");
        JsonNode report = Clinic.JSON.readTree(get(ports[0], "/api/v1/audit/verify").body());
        assertTrue(report.get("valid").asBoolean(), report.toString());
        assertTrue(report.get("records").asLong() >= answered.size());
        System.out.printf("crash test: %d answered 200 (%d before the kill), %d failed or cut, %d records, chain valid%n",
                answered.size(), beforeKill, failed.get(), report.get("records").asLong());
    }
}
