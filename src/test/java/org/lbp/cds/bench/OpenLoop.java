package org.lbp.cds.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench/openloop.c from Java: compiled once with the machine's gcc into target/bench, then run as a process of its
 * own, so that the load's schedule does not share a JVM (its collector and its threads) with the suite.
 */
final class OpenLoop {

    static final Path SOURCE = Path.of("bench", "openloop.c");
    static final Path BINARY = Path.of("target", "bench", "openloop");

    /** One fixed-rate run: counts, and latencies in µs from when each request was due. */
    record Result(long sent, long completed, long errors, long unfinished, long p50Us, long p90Us, long p99Us, long p999Us,
            long maxUs, long waitP99Us, long waitMaxUs, long slipP99Us, long slipMaxUs) {

        static Result parse(String output) {
            Map<String, Long> values = new HashMap<>();
            for (String line : output.split("\n")) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2 && parts[1].matches("-?\\d+")) {
                    values.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            String[] names = {"sent", "completed", "errors", "unfinished", "p50_us", "p90_us", "p99_us", "p999_us", "max_us",
                "wait_p99_us", "wait_max_us", "slip_p99_us", "slip_max_us"};
            long[] v = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                Long value = values.get(names[i]);
                if (value == null) {
                    throw new IllegalStateException("openloop printed no " + names[i] + ":\n" + output);
                }
                v[i] = value;
            }
            return new Result(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
        }
    }

    private OpenLoop() {
    }

    /** Compiles bench/openloop.c unless the binary is newer than the source. */
    static synchronized Path binary() throws IOException, InterruptedException {
        if (Files.exists(BINARY) && Files.getLastModifiedTime(BINARY).compareTo(Files.getLastModifiedTime(SOURCE)) > 0) {
            return BINARY;
        }
        Files.createDirectories(BINARY.getParent());
        Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", BINARY.toString(), SOURCE.toString())
                .redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new IllegalStateException("gcc could not compile " + SOURCE + ":\n" + output);
        }
        return BINARY;
    }

    /** Raw HTTP/1.1 POSTs of the bodies (kept alive), in the file format openloop reads: "length\n" then the bytes. */
    static void writeRequests(Path file, String path, List<String> bodies, String token) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String body : bodies) {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Content-Length: " + content.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            out.write((head.length + content.length + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.write(content);
        }
        Files.write(file, out.toByteArray());
    }

    /** Runs openloop against 127.0.0.1:port: rate requests a second for the given seconds over the connections. */
    static Result run(int port, double rate, double seconds, int connections, Path requests) throws IOException, InterruptedException {
        return run(port, rate, seconds, connections, requests, null);
    }

    /**
     * The same, and with a timeline file, a line per answer in the order answered: the request's number, when it was due
     * (µs from the start), its latency (µs) and its status, after a first line "# start_epoch_us" (the wall clock).
     */
    static Result run(int port, double rate, double seconds, int connections, Path requests, Path timeline)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary().toString(), "127.0.0.1", Integer.toString(port),
                String.format(Locale.ROOT, "%.3f", rate), String.format(Locale.ROOT, "%.3f", seconds), Integer.toString(connections),
                requests.toString()));
        if (timeline != null) {
            command.add(timeline.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openloop failed:\n" + output);
        }
        return Result.parse(output);
    }
}
