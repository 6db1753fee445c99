package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.lbp.cds.evaluation.Clinic;

/** The packaged service ({@code target/lbp-cds-runner.jar}) run as a separate process, for crash tests and benchmarks. */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target/lbp-cds-runner.jar");
    /**
     * Where the services' console output goes: {@code target}, or {@code -Dlbp.test.service-log-dir} (bench/run puts it
     * in memory, off the disk the audit stores sync: see docs/performance.md).
     */
    static final Path LOG_DIR = Path.of(System.getProperty("lbp.test.service-log-dir", "target"));
    private static final String TOKEN = org.lbp.cds.security.Tokens.everyRole();
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the service on a port with extra system properties, and waits until it is ready (60 s at most). */
    public static ServiceProcess start(int port, String name, List<String> properties) throws Exception {
        return start(port, name, properties, List.of());
    }

    /** The same, with options for the JVM (heap size, collector). */
    public static ServiceProcess start(int port, String name, List<String> properties, List<String> jvmOptions)
            throws Exception {
        Path log = logOf(name);
        Process process = launch(port, properties, jvmOptions, log);
        ServiceProcess service = new ServiceProcess(process, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (service.get("/q/health/ready").statusCode() == 200) {
                    return service;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the service died at start; see " + log);
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service was not ready in 60 s; see " + log);
    }

    /**
     * Runs the packaged service to its own exit (a training run: {@code lbp.exit-after-start=true} among the properties)
     * and returns its exit status; its console output goes to {@code <name>.log}.
     */
    public static int runToExit(String name, List<String> properties, List<String> jvmOptions, Duration timeout)
            throws Exception {
        Path log = logOf(name);
        Process process = launch(freePort(), properties, jvmOptions, log);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not exit in " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /**
     * Where the Maven build put the SQLite driver's native library for this machine's architecture (target/sqlite-native;
     * the driver's names: x86_64, aarch64), which the container image loads with {@code -Dorg.sqlite.lib.path}.
     */
    public static Path sqliteNativeFolder() {
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        return Path.of("target", "sqlite-native", "org", "sqlite", "native", "Linux", arch).toAbsolutePath();
    }

    /** The file a service process of this name writes its console output to. */
    public static Path logOf(String name) {
        return LOG_DIR.resolve(name + ".log");
    }

    private static Process launch(int port, List<String> properties, List<String> jvmOptions, Path log) throws IOException {
        if (!JAR.toFile().exists()) {
            throw new IllegalStateException("package the service first: " + JAR);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        // the packaged (production) service needs a verification key: the test key pair's public key
        org.lbp.cds.security.KeyFiles.ensure(org.lbp.cds.security.Tokens.KEYS);
        command.add("-Dmp.jwt.verify.publickey.location="
                + org.lbp.cds.security.Tokens.KEYS.resolve("public.pem").toAbsolutePath());
        properties.forEach(property -> command.add("-D" + property));
        command.add("-jar");
        command.add(JAR.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public int port() {
        return port;
    }

    /** The file the service's console output goes to. */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a container runtime or Kubernetes stops the service; {@code true} if it exited within the wait. */
    public boolean terminate(Duration wait) throws InterruptedException {
        process.destroy();
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * After a crash or a stop: every evaluation a client received with a 200 is in this instance's trail, and the
     * chain verifies. Returns how many records the trail holds (at least one per 200).
     */
    public long assertTrailHolds(Collection<String> answered) throws Exception {
        int missing = 0;
        for (String id : answered) {
            if (get("/api/v1/evaluations/" + id).statusCode() != 200) {
                missing++;
            }
        }
        assertEquals(0, missing, "of " + answered.size() + " evaluations answered 200, missing from the trail");
        JsonNode report = Clinic.JSON.readTree(get("/api/v1/audit/verify").body());
        assertTrue(report.get("valid").asBoolean(), report.toString());
        long records = report.get("records").asLong();
        assertTrue(records >= answered.size(), records + " records for " + answered.size() + " answers");
        return records;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
