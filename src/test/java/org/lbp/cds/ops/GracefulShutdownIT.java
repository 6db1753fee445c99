package org.lbp.cds.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.audit.ServiceProcess;
import org.lbp.cds.evaluation.Clinic;

/**
 * The packaged service stopped with SIGTERM under load, as Kubernetes stops a replica in a rolling update: the clients
 * go through a "balancer" that stops routing when readiness reports DOWN. Readiness must report DOWN while the service
 * still serves (the shutdown delay), every request sent must be answered 200, none cut, and every 200 must be in the
 * trail.
 */
class GracefulShutdownIT {

    private final List<ServiceProcess> services = new ArrayList<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.kill();
        }
    }

    @Test
    @DisplayName("SIGTERM under load behind a readiness-following balancer: no request cut, every 200 recorded")
    void sigtermUnderLoad() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "shutdown-embedded-");
        List<String> properties = List.of("lbp.audit.data-dir=" + dataDir.toAbsolutePath(), "quarkus.shutdown.delay=2s");
        ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), "shutdown-it", properties);
        services.add(service);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            bodies.add(Clinic.patient().id("PT-STOP-" + (i % 8)).score("quads", i % 10, (i / 8) % 10).body());
        }
        for (int i = 0; i < 5; i++) {
            service.post("/api/v1/evaluations", bodies.get(i));
        }
        AtomicBoolean routable = new AtomicBoolean(true);
        AtomicReference<String> probeSaw = new AtomicReference<>();
        AtomicLong signalledAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong downAt = new AtomicLong();
        Thread balancer = new Thread(() -> { // probes every 100 ms, and stops routing at the first answer that is not 200
            while (routable.get()) {
                try {
                    int status = service.get("/q/health/ready").statusCode();
                    if (status != 200) {
                        downAt.set(System.nanoTime());
                        probeSaw.set(String.valueOf(status));
                        routable.set(false);
                    }
                    Thread.sleep(100);
                } catch (IOException down) {
                    probeSaw.set("no answer: " + down);
                    routable.set(false);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        balancer.start();
        Queue<String> answered = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger answeredAfterSignal = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.submit(() -> {
                int i = 0;
                while (routable.get()) {
                    String body = bodies.get((client * 10 + i++) % bodies.size());
                    String outcome;
                    try {
                        HttpResponse<String> response = service.post("/api/v1/evaluations", body);
                        outcome = String.valueOf(response.statusCode());
                        if (response.statusCode() == 200) {
                            answered.add(Clinic.JSON.readTree(response.body()).get("evaluationId").asText());
                            if (System.nanoTime() > signalledAt.get()) {
                                answeredAfterSignal.incrementAndGet();
                            }
                        }
                    } catch (IOException cut) {
                        outcome = "cut: " + cut;
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }
        Thread.sleep(3000);
        long beforeStop = answered.size();
        signalledAt.set(System.nanoTime());
        boolean exited = service.terminate(Duration.ofSeconds(30));
        long stopMillis = (System.nanoTime() - signalledAt.get()) / 1_000_000;
        routable.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        balancer.join(5000);
        System.out.printf("shutdown test: %d answered 200 (%d before SIGTERM, %d after), stopped in %d ms, probe saw %s,"
                + " outcomes %s%n", answered.size(), beforeStop, answeredAfterSignal.get(), stopMillis, probeSaw.get(),
                outcomes);
        assertTrue(exited, "the service did not stop within 30 s of SIGTERM");
        assertTrue(beforeStop > 50, "load before SIGTERM: " + beforeStop);
        assertEquals("503", probeSaw.get(), "readiness reports DOWN while the service still answers");
        assertTrue(downAt.get() > signalledAt.get(), "readiness went DOWN after SIGTERM, not before");
        assertTrue(answeredAfterSignal.get() > 0, "the requests in flight at SIGTERM were answered");
        assertEquals(Map.of("200", answered.size()), outcomes.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())), "every request sent is answered 200");

        ServiceProcess restarted = ServiceProcess.start(ServiceProcess.freePort(), "shutdown-it-restarted", properties);
        services.add(restarted);
        restarted.assertTrailHolds(answered);
    }
}
