package org.lbp.cds.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.lbp.cds.audit.ServiceProcess;
import org.lbp.cds.audit.TestStore;
import org.lbp.cds.evaluation.Clinic;

/**
 * Evaluations per second of the packaged service over HTTP on 127.0.0.1, in one run: audit off, audit on the
 * embedded SQLite store, on an H2 file, on PostgreSQL. Prints figures; not a test.
 * {@code ./mvnw -q package -DskipTests && java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * org.lbp.cds.bench.AuditThroughputBenchmark [seconds] [clients]}
 */
public final class AuditThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            bodies.add(Clinic.patient().id("PT-BENCH-" + (i % 10)).score("quads", i % 10, (i / 10) % 10)
                    .score("adductors", (i * 3) % 10, (i * 7) % 10).body());
        }
        Path data = Files.createTempDirectory("lbp-bench-");
        System.out.printf("%d s per configuration, %d concurrent clients, %d cores%n", seconds, clients,
                Runtime.getRuntime().availableProcessors());
        try {
            run("audit off", List.of("lbp.audit.enabled=false", "lbp.audit.data-dir=" + data.resolve("off")), bodies,
                    seconds, clients);
            run("audit on, SQLite", List.of("lbp.audit.data-dir=" + data.resolve("sqlite")), bodies, seconds, clients);
            run("audit on, H2 file", List.of("lbp.audit.jdbc-url=jdbc:h2:file:" + data.resolve("h2").resolve("audit")
                    + ";DB_CLOSE_ON_EXIT=FALSE"), bodies, seconds, clients);
        } finally {
            TestStore.deleteTree(data);
        }
        try (TestStore pg = TestStore.createPostgres()) {
            run("audit on, PostgreSQL", List.of("lbp.audit.jdbc-url=" + pg.url(), "lbp.audit.username=" + pg.user()),
                    bodies, seconds, clients);
        }
    }

    private static void run(String name, List<String> properties, List<String> bodies, int seconds, int clients)
            throws Exception {
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), "bench", properties)) {
            for (int i = 0; i < 500; i++) { // warm-up
                service.post("/api/v1/evaluations", bodies.get(i % bodies.size()));
            }
            AtomicLong ok = new AtomicLong();
            AtomicLong other = new AtomicLong();
            AtomicLong nanos = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    int i = client;
                    while (running.get()) {
                        long start = System.nanoTime();
                        int status = service.post("/api/v1/evaluations", bodies.get(i++ % bodies.size())).statusCode();
                        nanos.addAndGet(System.nanoTime() - start);
                        (status == 200 ? ok : other).incrementAndGet();
                    }
                    return null;
                });
            }
            Thread.sleep(seconds * 1000L);
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            long total = ok.get() + other.get();
            System.out.printf("%-22s %7.0f evaluations/s, mean latency %5.1f ms, %d non-200%n", name,
                    ok.get() / (double) seconds, nanos.get() / 1e6 / Math.max(1, total), other.get());
        }
    }
}
