package org.lbp.cds.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The training run's requests against a stand-in server that answers each request line with a status of the test's
 * choosing: the run ends 0 only when every answer has the status expected, and asks nothing that needs a token when it
 * has none. (The packaged service's own training run, with its real answers: ClassDataSharingIT.)
 */
class TrainingRunTest {

    private static final String INTAKE = "{\"patientId\":\"PT-1\"}";

    /**
     * A server on the loopback that answers {@code status.applyAsInt("METHOD /path[ token][ empty]")} (with a bearer
     * token; with the body {@code {}}), one connection at a time.
     */
    private static final class StandIn implements AutoCloseable {
        final ServerSocket socket;
        final List<String> seen = new CopyOnWriteArrayList<>();
        final Thread thread;

        StandIn(ToIntFunction<String> status) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                        String requestLine = in.readLine();
                        boolean token = false;
                        int length = 0;
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            token |= line.startsWith("Authorization: Bearer ");
                            if (line.startsWith("Content-Length: ")) {
                                length = Integer.parseInt(line.substring(16).trim());
                            }
                        }
                        char[] body = new char[length];
                        for (int read = 0; read < length;) {
                            read += in.read(body, read, length - read);
                        }
                        String key = requestLine.substring(0, requestLine.lastIndexOf(' ')) + (token ? " token" : "")
                                + (new String(body).equals("{}") ? " empty" : "");
                        seen.add(key);
                        int code = status.applyAsInt(key);
                        OutputStream out = client.getOutputStream();
                        out.write(("HTTP/1.1 " + code + " Whatever\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "stand-in");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** What the service answers: an evaluation with a token 200, an empty intake 400, no token 401, the rest 200. */
    private static int service(String request) {
        if (request.startsWith("POST /api/v1/evaluations")) {
            return !request.contains(" token") ? 401 : request.endsWith(" empty") ? 400 : 200;
        }
        return 200;
    }

    @Test
    @DisplayName("Every request answered as expected: the training run ends 0, having asked each in order")
    void everyAnswerAsExpected() throws Exception {
        try (StandIn server = new StandIn(request -> service(request))) {
            assertEquals(0, TrainingRun.answer(TrainingRun.requests(INTAKE), "127.0.0.1", server.port(), "a-token"));
            assertEquals(List.of("POST /api/v1/evaluations token", "POST /api/v1/evaluations token empty",
                    "POST /api/v1/evaluations", "GET /q/health/ready", "GET /q/health/live", "GET /q/metrics"), server.seen);
        }
    }

    @Test
    @DisplayName("Without a token (no local keys) only the calls that need none are made, and the run still ends 0")
    void withoutTokenOnlyTheOpenCalls() throws Exception {
        try (StandIn server = new StandIn(request -> service(request))) {
            assertEquals(0, TrainingRun.answer(TrainingRun.requests(INTAKE), "127.0.0.1", server.port(), null));
            assertEquals(List.of("POST /api/v1/evaluations", "GET /q/health/ready", "GET /q/health/live", "GET /q/metrics"),
                    server.seen);
        }
    }

    @Test
    @DisplayName("An evaluation that fails (500) ends the training run 1 at once: no archive from a service that does not answer")
    void failedEvaluationFailsTheRun() throws Exception {
        try (StandIn server = new StandIn(request -> request.equals("POST /api/v1/evaluations token") ? 500 : service(request))) {
            assertEquals(1, TrainingRun.answer(TrainingRun.requests(INTAKE), "127.0.0.1", server.port(), "a-token"));
            assertEquals(List.of("POST /api/v1/evaluations token"), server.seen, "nothing asked after the failure");
        }
    }

    @Test
    @DisplayName("An evaluation without a token answered 200 fails the run: a service that lets anyone evaluate gets no archive")
    void evaluationWithoutTokenAcceptedFailsTheRun() throws Exception {
        try (StandIn server = new StandIn(request -> request.startsWith("POST") ? (request.endsWith(" empty") ? 400 : 200) : 200)) {
            assertEquals(1, TrainingRun.answer(TrainingRun.requests(INTAKE), "127.0.0.1", server.port(), "a-token"));
            assertEquals(List.of("POST /api/v1/evaluations token", "POST /api/v1/evaluations token empty",
                    "POST /api/v1/evaluations"), server.seen);
        }
    }

    @Test
    @DisplayName("A probe that is not ready (503) fails the run too")
    void probeNotReadyFailsTheRun() throws Exception {
        try (StandIn server = new StandIn(request -> request.startsWith("GET /q/health/ready") ? 503 : service(request))) {
            assertEquals(1, TrainingRun.answer(TrainingRun.requests(INTAKE), "127.0.0.1", server.port(), null));
        }
    }
}
