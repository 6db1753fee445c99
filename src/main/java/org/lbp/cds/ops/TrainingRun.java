package org.lbp.cds.ops;

import static org.lbp.cds.evaluation.EvaluationService.WARM_UP_INTAKE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lbp.cds.security.MintToken;
import org.lbp.cds.security.Roles;
import org.lbp.cds.security.SecurityConfig;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * The class-data-sharing archive's training run: with {@code lbp.exit-after-start=true} the service starts completely
 * (the knowledge base, the audit store and its migration, the warm-up evaluation, the token check), answers a few
 * requests of its own over HTTP ({@link #requests}: an evaluation, an invalid intake, a call without a token, the
 * probes and the metrics), then exits with status 0, so that a JVM started with {@code -XX:ArchiveClassesAtExit=...}
 * writes an archive of every class the start-up and those requests loaded. Started with
 * {@code -XX:SharedArchiveFile=...}, the service then maps those classes instead of loading, verifying and linking them
 * one by one (docs/performance.md). The requests are there because the HTTP server opens its socket only after the
 * start-up: without them the first clinic request loaded about 500 classes of the request path (Netty's HTTP codec,
 * Vert.x's server, the REST layer's handlers) that no start-up step had loaded. The container image makes its archive
 * this way (docker/Dockerfile.jvm), and so does the benchmark.
 *
 * <p>The evaluation needs a clinician's token: the training run mints one with the local key pair when it runs with
 * {@code lbp.security.local-keys=true} (as the image's and the benchmark's training runs do, with throw-away keys);
 * without it the calls that need no token are made. An answer other than the one expected fails the training run
 * (exit status 1): the archive would be made from a service that does not answer as it should.
 */
@ApplicationScoped
public class TrainingRun {

    private static final Logger LOG = Logger.getLogger(TrainingRun.class);

    /** One request of the training run and the status it must get. */
    record Request(String method, String path, boolean withToken, String body, int expected) {
    }

    /** What the training run asks, in order; those with a token only when it can mint one. */
    static List<Request> requests(String intake) {
        return List.of(
                new Request("POST", "/api/v1/evaluations", true, intake, 200),
                new Request("POST", "/api/v1/evaluations", true, "{}", 400),
                new Request("POST", "/api/v1/evaluations", false, intake, 401),
                new Request("GET", "/q/health/ready", false, null, 200),
                new Request("GET", "/q/health/live", false, null, 200),
                new Request("GET", "/q/metrics", false, null, 200));
    }

    /** After every other start-up observer, the service's and Quarkus' own. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event,
            @ConfigProperty(name = "lbp.exit-after-start", defaultValue = "false") boolean exitAfterStart,
            SecurityConfig security) {
        if (!exitAfterStart) {
            return;
        }
        // the HTTP server opens its socket after the start-up event's observers: the requests wait for it on a thread
        Thread thread = new Thread(() -> Quarkus.asyncExit(train(security)), "training-requests");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes the training requests; returns the exit status: 0 when each got the status expected, 1 otherwise. */
    private static int train(SecurityConfig security) {
        try {
            String intake;
            try (InputStream in = TrainingRun.class.getResourceAsStream(WARM_UP_INTAKE)) {
                if (in == null) {
                    throw new IllegalStateException("no " + WARM_UP_INTAKE + " on the classpath");
                }
                intake = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String token = security.localKeys()
                    ? MintToken.mint(Path.of(security.keyDir()), security.issuer(), security.audience(), "training-run",
                            Set.of(Roles.CLINICIAN), java.time.Duration.ofMinutes(10))
                    : null;
            String host = host();
            int port = ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
            if (port <= 0) {
                LOG.errorf("Training run: quarkus.http.port is %d; its requests need the port the service listens on", port);
                return 1;
            }
            awaitSocket(host, port);
            return answer(requests(intake), host, port, token);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Training run: its requests failed");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Sends the requests (those with a token only when there is one) and checks each answer's status; returns the exit
     * status: 0 when each got the status expected, 1 at the first that did not (logged).
     */
    static int answer(List<Request> requests, String host, int port, String token) throws IOException {
        List<String> answered = new ArrayList<>();
        for (Request request : requests) {
            if (request.withToken() && token == null) {
                continue;
            }
            int status = send(host, port, request, token);
            if (status != request.expected()) {
                LOG.errorf("Training run: %s %s answered %d, not %d; no archive should be made from this run",
                        request.method(), request.path(), status, request.expected());
                return 1;
            }
            answered.add(request.method() + " " + request.path() + " " + status);
        }
        LOG.infof("Started completely and answered %s; exiting, as lbp.exit-after-start asks (a training run)%s",
                answered, token == null ? " (no local keys: no request with a token)" : "");
        return 0;
    }

    /** The address the service listens on, as a client reaches it: the loopback when it listens on every address. */
    private static String host() {
        String host = ConfigProvider.getConfig().getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
    }

    /** Waits until the server accepts connections (60 s at most). */
    private static void awaitSocket(String host, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(10);
            }
        }
    }

    /**
     * One HTTP/1.1 request on a connection of its own, written by hand so that the training run loads no HTTP client
     * into the archive; returns the answer's status code.
     */
    static int send(String host, int port, Request request, String token) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder().append(request.method()).append(' ').append(request.path())
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                    .append("\r\nAccept: */*\r\nConnection: close\r\n");
            if (request.withToken()) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (request.body() != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes(); // Connection: close, so the answer ends at EOF
            String statusLine = new String(answer, 0, Math.min(answer.length, 64), StandardCharsets.US_ASCII);
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
