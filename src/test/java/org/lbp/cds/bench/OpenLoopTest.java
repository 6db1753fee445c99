package org.lbp.cds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench/openloop.c, the suite's fixed-rate load, against a small HTTP server of the JDK's on 127.0.0.1. */
class OpenLoopTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private ExecutorService threads;
    private final AtomicInteger served = new AtomicInteger();

    private int serve(int threadCount, long delayMs, boolean chunked) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        threads = Executors.newFixedThreadPool(threadCount);
        server.setExecutor(threads);
        server.createContext("/", exchange -> answer(exchange, delayMs, chunked));
        server.start();
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, long delayMs, boolean chunked) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] answer = ("{\"echo\":" + body + ",\"pad\":\"" + "x".repeat(3000) + "\"}").getBytes(StandardCharsets.UTF_8);
        int status = body.contains("fail") ? 500 : 200;
        exchange.sendResponseHeaders(status, chunked ? 0 : answer.length); // 0: chunked transfer encoding
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
        served.incrementAndGet();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("At a rate the server keeps up with, every request is sent on schedule and answered, none an error")
    void everyRequestAnswered() throws Exception {
        int port = serve(4, 0, false);
        Path requests = dir.resolve("requests");
        OpenLoop.writeRequests(requests, "/evaluate", List.of("{\"patientId\":\"A\"}", "{\"patientId\":\"B\"}"), "token");

        OpenLoop.Result result = OpenLoop.run(port, 300, 1, 8, requests);

        assertEquals(300, result.sent());
        assertEquals(300, result.completed());
        assertEquals(0, result.errors());
        assertEquals(0, result.unfinished());
        assertEquals(300, served.get(), "the server answered each request once (kept-alive connections, none resent)");
        assertTrue(result.p50Us() > 0 && result.p50Us() <= result.p99Us() && result.p99Us() <= result.maxUs(), result.toString());
    }

    /** Requests whose bodies alternate: request i carries body i % 2, and the test server fails every odd one. */
    private Path everySecondFailing() throws IOException {
        Path requests = dir.resolve("requests");
        OpenLoop.writeRequests(requests, "/evaluate", List.of("{\"patientId\":\"ok\"}", "{\"patientId\":\"fail\"}"), null);
        return requests;
    }

    @Test
    @DisplayName("Chunked answers are read to their end, and a status other than 2xx counts as an error")
    void chunkedAnswersAndErrors() throws Exception {
        int port = serve(4, 0, true);
        Path requests = everySecondFailing();

        OpenLoop.Result result = OpenLoop.run(port, 200, 0.5, 4, requests);

        assertEquals(100, result.sent());
        assertEquals(100, result.completed());
        assertEquals(50, result.errors());
        assertEquals(0, result.unfinished());
    }

    @Test
    @DisplayName("With a timeline file, one line per answer: its number, when it was due, its latency and its status")
    void timeline() throws Exception {
        int port = serve(4, 0, true);
        Path requests = everySecondFailing();
        Path timeline = dir.resolve("timeline");
        long before = System.currentTimeMillis();

        OpenLoop.Result result = OpenLoop.run(port, 100, 0.5, 4, requests, timeline);

        List<String> lines = Files.readAllLines(timeline);
        assertEquals(50, result.completed());
        assertEquals(51, lines.size());
        long startMs = Long.parseLong(lines.get(0).replace("# start_epoch_us ", "")) / 1000;
        assertTrue(startMs >= before && startMs < before + 5000, "start " + startMs + " against " + before);
        TreeSet<Long> numbers = new TreeSet<>();
        int failed = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ");
            assertEquals(4, parts.length, line);
            long number = Long.parseLong(parts[0]);
            numbers.add(number);
            assertEquals(number * 10_000, Long.parseLong(parts[1]), 1, line); // due every 10 ms from the start
            assertTrue(Long.parseLong(parts[2]) > 0, line);
            assertEquals(number % 2 == 0 ? "200" : "500", parts[3], line);
            failed += number % 2 == 1 ? 1 : 0;
        }
        assertEquals(50, numbers.size());
        assertEquals(49L, numbers.last());
        assertEquals(25, failed);
        assertEquals(25, result.errors());
    }

    @Test
    @DisplayName("A server slower than the rate: latency counts from when each request was due, not from when it was sent")
    void noCoordinatedOmission() throws Exception {
        // 2 connections to a server taking 50 ms a request: 40 answers a second against 100 due a second, so request i
        // (due at 10·i ms) is answered at about 25·(i + 1) ms, about 15·i ms late; a closed-loop client would report 50 ms
        int port = serve(2, 50, false);
        Path requests = dir.resolve("requests");
        OpenLoop.writeRequests(requests, "/evaluate", List.of("{}"), null);

        OpenLoop.Result result = OpenLoop.run(port, 100, 1, 2, requests);

        assertEquals(100, result.completed());
        assertEquals(0, result.errors());
        assertTrue(result.p50Us() > 400_000, "median counted from when due: " + result);
        assertTrue(result.maxUs() > 1_000_000, "the last request waited over a second: " + result);
        assertTrue(result.waitMaxUs() > 900_000, "it waited for a free connection: " + result);
        assertTrue(result.slipP99Us() < 100_000, "while the client itself kept its schedule: " + result);
    }

    @Test
    @DisplayName("Its output is read back field by field, and a missing field is an error, not a zero")
    void outputParsed() {
        String output = String.join("\n", "sent 10", "completed 9", "errors 1", "unfinished 1", "p50_us 1200", "p90_us 2000",
                "p99_us 3000", "p999_us 4000", "max_us 5000", "wait_p99_us 10", "wait_max_us 20", "slip_p99_us 5", "slip_max_us 7");
        OpenLoop.Result result = OpenLoop.Result.parse(output);
        assertEquals(new OpenLoop.Result(10, 9, 1, 1, 1200, 2000, 3000, 4000, 5000, 10, 20, 5, 7), result);
        IllegalStateException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> OpenLoop.Result.parse(output.replace("p99_us 3000\n", "")));
        assertTrue(missing.getMessage().contains("p99_us"), missing.getMessage());
        assertTrue(Files.exists(OpenLoop.SOURCE));
    }
}
