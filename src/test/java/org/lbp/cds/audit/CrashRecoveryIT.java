package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;

/**
 * The packaged service under concurrent load, killed with SIGKILL mid-load and restarted: two instances on one
 * PostgreSQL database, two on one embedded SQLite file (the one-command default's store), and one on an embedded H2
 * store (a data folder from before SQLite). Every evaluation a client received with a 200 must be in the trail, and the
 * chain must verify.
 */
class CrashRecoveryIT {

    private static TestStore store;
    private static final List<ServiceProcess> services = new ArrayList<>();

    @BeforeAll
    static void createStore() {
        store = TestStore.createPostgres();
    }

    @AfterAll
    static void cleanUp() throws InterruptedException {
        for (ServiceProcess service : services) {
            service.kill();
        }
        if (store != null) {
            store.close();
        }
    }

    private static ServiceProcess start(int port, String name) throws Exception {
        ServiceProcess service = ServiceProcess.start(port, name,
                List.of("lbp.audit.jdbc-url=" + store.url(), "lbp.audit.username=" + store.user()));
        services.add(service);
        return service;
    }

    @Test
    @DisplayName("SIGKILL under load, two instances on one PostgreSQL: every 200 is recorded, and the chain verifies")
    void killedUnderLoad() throws Exception {
        ServiceProcess first = start(ServiceProcess.freePort(), "crash-it-a");
        ServiceProcess second = start(ServiceProcess.freePort(), "crash-it-b");
        Load load = loadThenKill(List.of(first, second), first);

        ServiceProcess restarted = start(first.port(), "crash-it-a-restarted");
        long records = restarted.assertTrailHolds(load.answered);
        System.out.printf("crash test, PostgreSQL: %d answered 200 (%d before the kill), %d refused or cut, %d records, chain valid%n",
                load.answered.size(), load.beforeKill, load.failed.get(), records);
    }

    @Test
    @DisplayName("SIGKILL under load, two instances on one embedded SQLite file: every 200 is recorded, and the chain verifies")
    void killedUnderLoadOnTheEmbeddedStore() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-sqlite-");
        List<String> properties = List.of("lbp.audit.data-dir=" + dataDir.toAbsolutePath());
        ServiceProcess first = ServiceProcess.start(ServiceProcess.freePort(), "crash-it-sqlite-a", properties);
        services.add(first);
        ServiceProcess second = ServiceProcess.start(ServiceProcess.freePort(), "crash-it-sqlite-b", properties);
        services.add(second);
        // two processes on one file: each batch takes SQLite's write lock, so they append to one chain in turn
        Load load = loadThenKill(List.of(first, second), first);

        ServiceProcess restarted = ServiceProcess.start(first.port(), "crash-it-sqlite-a-restarted", properties);
        services.add(restarted);
        long records = restarted.assertTrailHolds(load.answered);
        assertTrue(Files.exists(dataDir.resolve(StoreKind.SQLITE_FILE)), "the default embedded store is SQLite");
        System.out.printf("crash test, SQLite (two instances, one file): %d answered 200 (%d before the kill), %d refused"
                + " or cut, %d records, chain valid%n", load.answered.size(), load.beforeKill, load.failed.get(), records);
    }

    @Test
    @DisplayName("SIGKILL under load, an embedded H2 store: every 200 is recorded, and the chain verifies")
    void killedUnderLoadOnAnEmbeddedH2Store() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-h2-");
        killedUnderLoadAlone("H2", "crash-it-h2", List.of("lbp.audit.jdbc-url=jdbc:h2:file:"
                + dataDir.toAbsolutePath().resolve("audit") + ";DB_CLOSE_ON_EXIT=FALSE"));
    }

    /** One instance on an embedded store, killed under load, then restarted on the same store. */
    private static void killedUnderLoadAlone(String store, String name, List<String> properties) throws Exception {
        ServiceProcess only = ServiceProcess.start(ServiceProcess.freePort(), name, properties);
        services.add(only);
        Load load = loadThenKill(List.of(only), only);

        ServiceProcess restarted = ServiceProcess.start(only.port(), name + "-restarted", properties);
        services.add(restarted);
        long records = restarted.assertTrailHolds(load.answered);
        System.out.printf("crash test, %s: %d answered 200 (%d before the kill), %d refused or cut, %d records, chain valid%n",
                store, load.answered.size(), load.beforeKill, load.failed.get(), records);
    }

    private record Load(Queue<String> answered, long beforeKill, AtomicInteger failed) {
    }

    /** Eight clients spread over the targets for three seconds; then the victim is killed, and the load goes on 1.5 s. */
    private static Load loadThenKill(List<ServiceProcess> targets, ServiceProcess victim) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            bodies.add(Clinic.patient().id("PT-CRASH-" + (i % 8)).score("quads", i % 10, (i / 8) % 10).body());
        }
        for (ServiceProcess service : targets) { // past the cold first requests, so the kill lands in steady load
            for (int i = 0; i < 5; i++) {
                service.post("/api/v1/evaluations", bodies.get(i));
            }
        }
        Queue<String> answered = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.submit(() -> {
                int i = 0;
                while (loading.get()) {
                    ServiceProcess target = targets.get((client + i) % targets.size());
                    String body = bodies.get((client * 10 + i++) % bodies.size());
                    try {
                        HttpResponse<String> response = target.post("/api/v1/evaluations", body);
                        if (response.statusCode() == 200) {
                            answered.add(Clinic.JSON.readTree(response.body()).get("evaluationId").asText());
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet(); // refused or cut by the kill: no answer, so nothing is claimed
                        Thread.sleep(10);
                    }
                }
                return null;
            });
        }
        Thread.sleep(3000);
        long beforeKill = answered.size();
        victim.kill();
        Thread.sleep(1500);
        loading.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(beforeKill > 50, "load before the kill: " + beforeKill);
        return new Load(answered, beforeKill, failed);
    }
}
