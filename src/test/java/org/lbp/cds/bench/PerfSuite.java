package org.lbp.cds.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lbp.cds.audit.ServiceProcess;
import org.lbp.cds.audit.TestStore;
import org.lbp.cds.evaluation.FactMapper;
import org.lbp.cds.evaluation.IntakeParser;
import org.lbp.cds.evaluation.ProtocolAssembler;
import org.lbp.cds.evaluation.Scenario;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.RuleFile;
import org.lbp.cds.rules.RulesetSource;
import org.lbp.cds.rules.facts.Thresholds;
import org.lbp.cds.security.Tokens;

/**
 * The performance suite behind {@code bench/run}: HTTP load with wrk against the echo limit and the evaluation with
 * the audit on the embedded SQLite store, on H2 and on PostgreSQL (ratios measured in the same run; and with the audit
 * off, the audit's share of the misses), p99 at half the
 * peak, start-up and idle memory, the in-process evaluation time with the catalogue and with it grown tenfold, and
 * memory after many evaluations.
 * Writes docs/performance.md and docs/performance-latency.svg. {@code --smoke}: seconds instead of minutes.
 */
public final class PerfSuite {

    /** The stores measured, in the order of the runs. */
    static final String SQLITE = "SQLite";
    static final String H2 = "H2";
    static final String POSTGRESQL = "PostgreSQL";
    /**
     * The same service with the audit switched off ({@code lbp.audit.enabled=false}, a switch for this measurement only):
     * not a target, but what the misses of the throughput targets are made of, in the same run: HTTP, the token check,
     * the rules and the JSON without the durable record, against the same service's echo.
     */
    static final String NO_AUDIT = "audit-off";

    /** The row of PostgreSQL's server processes in a run's CPU per request: theirs, not the service's. */
    static final String POSTGRES_CPU = "PostgreSQL's processes (not the service's)";

    /**
     * A wrk run, with the service's CPU per request in each group of threads ({@link ThreadCpu}), its total, and
     * PostgreSQL's processes' ({@link #POSTGRES_CPU}); and the service's cores busy.
     */
    record Load(String name, double rps, double p50, double p99, long errors, Map<String, Double> cpu, double cores) {
    }

    /**
     * The service's JVM as the container runs it: G1, and the heap bounded at a third of the manifest's 768 MiB memory
     * limit (docker/Dockerfile.jvm: -XX:+UseG1GC -XX:MaxRAMPercentage=33). Unbounded, G1 sizes the heap from this
     * machine's 24 GiB and grew it past 1 GiB under load, with the same throughput (measured: 2,090-2,350 req/s both
     * ways). G1 is also what the JVM picks by itself here; named, as in the container, where it would pick Serial. The
     * initial heap is the container's too: the JVM's default, 1/64 of the memory it sees, is 12 MiB under the 768 MiB
     * limit but 384 MiB (so the whole 256) on this machine, and a heap that starts whole lets the start-up's young
     * collections spread over more memory: 195-197 MiB resident at idle on the class-data-sharing archive against
     * 163-172 MiB with -Xms12m (2026-12-05, three starts each), and no slower a start.
     */
    static final List<String> SERVICE_JVM = List.of("-Xms12m", "-Xmx256m", "-XX:+UseG1GC");
    /**
     * {@link #SERVICE_JVM}, and the SQLite driver's native library loaded from where the Maven build put it
     * (target/sqlite-native), as the container loads it from the image (docker/Dockerfile.jvm), instead of copied out of
     * the jar into /tmp at every start.
     */
    static final List<String> CONTAINER_JVM = java.util.stream.Stream.concat(SERVICE_JVM.stream(), java.util.stream.Stream.of(
            "-Dorg.sqlite.lib.path=" + ServiceProcess.sqliteNativeFolder(), "-Dorg.sqlite.lib.name=libsqlitejdbc.so")).toList();
    /**
     * What profiling found, what was changed, and what is left: kept in its own file (the suite runs from the project's
     * folder, as bench/run starts it) and appended to the figures it explains.
     */
    static final Path FINDINGS = Path.of("bench", "findings.md");
    /** The evaluation path's shortest warm-up: the JIT needs minutes of load on 2 cores (see warmUp). */
    private static final int EVALUATION_WARM_UP_MINUTES = 3;
    /** The fixed-rate load's kept-alive connections: more than are ever busy at once below the peak. */
    private static final int OPEN_LOOP_CONNECTIONS = 64;

    /**
     * The service's JVM options in the suite's runs: {@link #CONTAINER_JVM}, then, once {@link #startUp} has made it, the
     * class-data-sharing archive, as the container image runs the service (docker/Dockerfile.jvm).
     */
    private List<String> serviceJvm = CONTAINER_JVM;
    private final boolean smoke;
    private final int seconds;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Load> loads = new ArrayList<>();
    private final List<double[]> curve = new ArrayList<>();
    private final StringBuilder notes = new StringBuilder();
    private Map<String, Double> stages = Map.of();
    /** The open-loop client's longest lateness in any fixed-rate run, ms: how far its own schedule slipped. */
    private double clientSlipMs;
    /** Per store: the ratio of evaluation to echo requests/s in each interleaved round. */
    private final Map<String, List<Double>> roundRatios = new LinkedHashMap<>();
    /** How long each warm-up took to settle. */
    private final Map<String, String> warmUps = new LinkedHashMap<>();

    private PerfSuite(boolean smoke) {
        this.smoke = smoke;
        this.seconds = smoke ? 2 : 15;
    }

    public static void main(String[] args) throws Exception {
        // As in the service: INFO and above. Unconfigured, the log manager enables TRACE and Drools then formats its
        // trace messages on every evaluation (measured: 367 µs instead of 63 µs per evaluation).
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        PerfSuite suite = new PerfSuite(Arrays.asList(args).contains("--smoke"));
        suite.run(Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "docs"));
    }

    private void run(Path out) throws Exception {
        Path bench = Files.createDirectories(Path.of("target/bench"));
        List<String> bodies = new ArrayList<>();
        for (Scenario scenario : Scenario.all()) {
            bodies.add(scenario.intake().toString());
        }
        String token = Tokens.token("bench", "clinician");
        Path lua = bench.resolve("bodies.lua");
        writeLua(lua, bodies, token);

        Path data = Files.createTempDirectory("lbp-bench-data");
        try {
            startUp(data, bodies.get(0), token);
            embeddedStores(data, bodies, token, lua);
        } finally {
            TestStore.deleteTree(data); // after a full run the stores hold gigabytes
        }
        try (TestStore pg = TestStore.createPostgres();
                ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), "bench-pg",
                        List.of("quarkus.profile=bench", "lbp.audit.jdbc-url=" + pg.url(), "lbp.audit.username=" + pg.user()),
                        serviceJvm)) {
            Load pgLoad = interleaved(service, lua, POSTGRESQL)[1];
            // the same target on the store the containers run with
            halfPeak("pgHalfPeak", pgLoad.rps() * 0.5, fixedRate(service, bodies, token, pgLoad.rps() * 0.5));
        }
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), "bench-no-audit",
                List.of("quarkus.profile=bench", "lbp.audit.enabled=false"), serviceJvm)) {
            interleaved(service, lua, NO_AUDIT);
        }
        inProcess(bodies);
        write(out);
    }

    /**
     * Start-up and idle memory, with and without the class-data-sharing archive: the archive is made as the container
     * image makes it (a training run of the packaged service with {@code lbp.exit-after-start}, {@code TrainingRun}, under
     * {@code -XX:ArchiveClassesAtExit}); then, in alternating rounds (5; 1 in the smoke run), the service is started on a
     * fresh audit store without it and with it ({@code -Xshare:on}: a JVM that cannot map it fails rather than measure
     * without it), each time: launch to ready, launch to the first 200 of an evaluation, and the resident memory 3 s
     * later. The medians go to the figures; the suite's later services run on the archive.
     */
    private void startUp(Path data, String body, String token) throws Exception {
        Path archive = Path.of("target", "bench", "lbp-cds.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        long training = System.nanoTime();
        List<String> trainingJvm = new ArrayList<>(CONTAINER_JVM);
        trainingJvm.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error"));
        // local keys, as the image's training run: it mints the token of its evaluation request with them
        int status = ServiceProcess.runToExit("bench-cds-training", List.of("quarkus.profile=bench", "lbp.exit-after-start=true",
                "lbp.audit.data-dir=" + data.resolve("cds-training"), "lbp.security.local-keys=true",
                "lbp.security.key-dir=" + org.lbp.cds.security.Tokens.KEYS.toAbsolutePath()), trainingJvm, Duration.ofMinutes(2));
        if (status != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("the training run exited " + status + " without an archive; see its log");
        }
        figures.put("cdsTrainingMs", (System.nanoTime() - training) / 1_000_000);
        figures.put("cdsArchiveMiB", Files.size(archive) / (1024 * 1024));
        List<String> withArchive = new ArrayList<>(CONTAINER_JVM);
        withArchive.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"));
        Map<String, List<Long>> measured = new LinkedHashMap<>();
        int rounds = smoke ? 1 : 5;
        for (int round = 0; round < rounds; round++) {
            for (int variant = 0; variant < 2; variant++) {
                boolean cds = (round + variant) % 2 == 1; // without first in even rounds, with first in odd ones
                String suffix = cds ? "Cds" : "NoCds";
                long launch = System.nanoTime();
                try (ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), "bench-start-" + round + suffix,
                        List.of("quarkus.profile=bench", "lbp.audit.data-dir=" + data.resolve("start-" + round + suffix)),
                        cds ? withArchive : CONTAINER_JVM)) {
                    measured.computeIfAbsent("startToReadyMs" + suffix, k -> new ArrayList<>())
                            .add((System.nanoTime() - launch) / 1_000_000);
                    measured.computeIfAbsent("startToFirst200Ms" + suffix, k -> new ArrayList<>())
                            .add(firstEvaluation(service, body, token, launch));
                    Thread.sleep(3000);
                    measured.computeIfAbsent("idleRssMiB" + suffix, k -> new ArrayList<>()).add(rssMiB(service.pid()));
                }
            }
        }
        measured.forEach((name, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            figures.put(name, sorted.get(sorted.size() / 2));
            figures.put(name + "All", values.toString());
        });
        System.out.println("start-up, median of " + rounds + ": " + measured);
        serviceJvm = withArchive;
    }

    /**
     * The embedded stores' runs, in a data folder: SQLite, the default (start-up, memory, the interleaved runs and the
     * latency curve), then H2, the store of data folders made before SQLite (the interleaved runs, p99 at half the peak).
     */
    private void embeddedStores(Path data, List<String> bodies, String token, Path lua) throws Exception {
        List<String> benchProfile = List.of("quarkus.profile=bench", "lbp.audit.data-dir=" + data.resolve("sqlite"));
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), "bench-sqlite", benchProfile, serviceJvm)) {
            Load embedded = interleaved(service, lua, SQLITE)[1];
            for (double fraction : smoke ? new double[] {0.5} : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
                double[] point = fixedRate(service, bodies, token, embedded.rps() * fraction);
                curve.add(new double[] {embedded.rps() * fraction, point[0], point[1], point[2], point[3]});
                if (fraction == 0.5) {
                    halfPeak("halfPeak", embedded.rps() * fraction, point);
                }
            }
            figures.put("rssAfterLoadMiB", rssMiB(service.pid()));
        }
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.freePort(), "bench-h2", List.of("quarkus.profile=bench",
                "lbp.audit.jdbc-url=jdbc:h2:file:" + data.resolve("h2").resolve("audit") + ";DB_CLOSE_ON_EXIT=FALSE"), serviceJvm)) {
            Load h2Load = interleaved(service, lua, H2)[1];
            halfPeak("h2HalfPeak", h2Load.rps() * 0.5, fixedRate(service, bodies, token, h2Load.rps() * 0.5));
        }
    }

    // ---- HTTP

    private static void writeLua(Path lua, List<String> bodies, String token) throws IOException {
        StringBuilder script = new StringBuilder("bodies = {\n");
        for (String body : bodies) {
            script.append("[==[").append(body).append("]==],\n");
        }
        script.append("}\ncounter = 0\nwrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n")
                .append("wrk.headers[\"Authorization\"] = \"Bearer ").append(token).append("\"\n")
                .append("request = function()\n  counter = counter + 1\n  return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])\nend\n")
                .append("done = function(summary, latency, requests)\n  io.write(string.format(\"p50_us %d\\np99_us %d\\nerrors %d\\n\",")
                .append(" latency:percentile(50), latency:percentile(99), summary.errors.status + summary.errors.connect")
                .append(" + summary.errors.read + summary.errors.write + summary.errors.timeout))\nend\n");
        Files.writeString(lua, script.toString());
    }

    /**
     * Echo and evaluation on one service, interleaved: both warmed up, then rounds of one echo run followed by one
     * evaluation run, so that the machine's drift (this 2-core machine is shared) hits both alike. The ratio is the
     * median of the rounds' ratios; the loads kept for the table are the median runs. Returns {echo, evaluation}.
     */
    private Load[] interleaved(ServiceProcess service, Path lua, String store) throws Exception {
        String evaluationName = NO_AUDIT.equals(store) ? "evaluation, audit off (not a target: the audit's share)"
                : "evaluation, audit on " + store;
        warmUp(service, "/bench/echo", lua, "echo, " + store + " run", 0);
        warmUp(service, "/api/v1/evaluations", lua, evaluationName, EVALUATION_WARM_UP_MINUTES);
        List<Load> echoes = new ArrayList<>();
        List<Load> evaluations = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < (smoke ? 1 : 3); round++) {
            Load echo = wrk(service, "/bench/echo", lua, "echo (the limit), " + store + " run");
            Load evaluation = wrk(service, "/api/v1/evaluations", lua, evaluationName);
            echoes.add(echo);
            evaluations.add(evaluation);
            ratios.add(evaluation.rps() / echo.rps());
        }
        roundRatios.put(store, ratios);
        Load[] pair = {medianRun(echoes), medianRun(evaluations)};
        loads.add(pair[0]);
        loads.add(pair[1]);
        return pair;
    }

    /**
     * Load until the throughput settles: two runs in a row within 5% of each other, after at least three minutes for the
     * evaluation (a plateau on the way up fooled the 5% rule alone: 669 and 678 req/s after one minute, then 1,017 two
     * minutes later), at most 16 runs. On 2 cores the
     * JIT compiler shares the CPU with wrk and the service, and the evaluation path (Drools, H2, the rules' generated
     * classes) took about three minutes of load to reach its steady throughput (measured: 1,400 req/s after 1 minute,
     * 3,000 after 3), where the echo settles within a run. Figures are for a service that has run a while.
     */
    private void warmUp(ServiceProcess service, String path, Path lua, String name, int leastMinutes) throws Exception {
        long start = System.nanoTime();
        double previous = 0;
        int runs = 0;
        long least = smoke ? 0 : TimeUnit.MINUTES.toNanos(leastMinutes);
        for (; runs < (smoke ? 1 : 16); runs++) {
            double rps = wrk(service, path, lua, "warm-up " + name + " " + (runs + 1)).rps();
            if (previous > 0 && Math.abs(rps - previous) <= 0.05 * Math.max(rps, previous)
                    && System.nanoTime() - start >= least) {
                runs++;
                break;
            }
            previous = rps;
        }
        warmUps.put(name, String.format(Locale.ROOT, "%d runs, %d s",
                runs, (System.nanoTime() - start) / 1_000_000_000));
    }

    private static Load medianRun(List<Load> runs) {
        List<Load> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(Load::rps));
        return sorted.get(sorted.size() / 2);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private Load wrk(ServiceProcess service, String path, Path lua, String name) throws Exception {
        String url = "http://127.0.0.1:" + service.port() + path;
        Map<Long, ThreadCpu.ThreadTime> before = ThreadCpu.snapshot(service.pid());
        long postgresBefore = ThreadCpu.processTicks("postgres");
        long start = System.nanoTime();
        String output = run(List.of("wrk", "-t2", "-c16", "-d" + seconds + "s", "-s", lua.toString(), url));
        double elapsed = (System.nanoTime() - start) / 1e9;
        long requests = (long) number(output, "(\\d+) requests in");
        Map<String, Double> cpu = ThreadCpu.perRequest(before, ThreadCpu.snapshot(service.pid()), requests);
        cpu.put(POSTGRES_CPU, ThreadCpu.perRequest(ThreadCpu.processTicks("postgres") - postgresBefore, requests));
        double rps = number(output, "Requests/sec:\\s+([0-9.]+)");
        double cores = cpu.get("total") * requests / 1e6 / elapsed;
        Load load = new Load(name, rps, number(output, "p50_us (\\d+)") / 1000.0, number(output, "p99_us (\\d+)") / 1000.0,
                (long) number(output, "errors (\\d+)"), cpu, cores);
        System.out.printf(Locale.ROOT, "%-34s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  service CPU %.0f µs/request"
                + " (%.2f cores), PostgreSQL's processes %.0f µs/request%n", name, load.rps(), load.p50(), load.p99(), load.errors(),
                cpu.get("total"), cores, cpu.get(POSTGRES_CPU));
        return load;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    private static double number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + regex + " in:\n" + text);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static long firstEvaluation(ServiceProcess service, String body, String token, long launch) throws Exception {
        while (true) {
            HttpResponse<String> response = ServiceProcess.HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/api/v1/evaluations")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return (System.nanoTime() - launch) / 1_000_000;
            }
        }
    }

    /**
     * An open-loop load at a fixed rate (bench/openloop.c, a process of its own): requests are sent on schedule whatever
     * the answers, and each latency counts from when its request was due. Returns, in ms, {p50, p99} at the client and
     * {p50, p99} in the service (its log lines).
     */
    private double[] fixedRate(ServiceProcess service, List<String> bodies, String token, double rate) throws Exception {
        Path log = service.log();
        long logLinesBefore = Files.readAllLines(log).size();
        Path requests = Path.of("target", "bench", "evaluations.http");
        OpenLoop.writeRequests(requests, "/api/v1/evaluations", bodies, token);
        OpenLoop.Result result = OpenLoop.run(service.port(), rate, Math.max(seconds, 50 / rate), OPEN_LOOP_CONNECTIONS, requests);
        double[] inService = serviceDurations(log, logLinesBefore);
        System.out.printf(Locale.ROOT, "fixed rate %6.0f req/s: p50 %6.2f ms  p99 %6.2f ms  errors %d  unfinished %d  (in the service:"
                + " p50 %.2f ms  p99 %.2f ms; the client's own slip p99 %.2f ms, max %.2f ms)%n", rate, result.p50Us() / 1000.0,
                result.p99Us() / 1000.0, result.errors(), result.unfinished(), inService[0], inService[1], result.slipP99Us() / 1000.0,
                result.slipMaxUs() / 1000.0);
        clientSlipMs = Math.max(clientSlipMs, result.slipMaxUs() / 1000.0);
        return new double[] {result.p50Us() / 1000.0, result.p99Us() / 1000.0, inService[0], inService[1]};
    }

    /** p50 and p99 in ms of the evaluation durations the service logged after the given line. */
    private static double[] serviceDurations(Path log, long after) throws IOException {
        Pattern duration = Pattern.compile("durationUs=(\\d+)");
        long[] micros = Files.readAllLines(log).stream().skip(after).map(duration::matcher).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).sorted().toArray();
        if (micros.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {micros[micros.length / 2] / 1000.0, micros[(int) (micros.length * 0.99)] / 1000.0};
    }

    private static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    // ---- in process

    /**
     * The executable model and the interpreted DRL in one JVM, in alternating rounds (after two rounds of each to warm
     * up), so that the machine's drift hits both alike; JMH runs its forks one after the other, and on this machine
     * that alone moved one form by 20% against the other. Each round runs both forms, the one that goes first swapped
     * from round to round (a form that always ran first or second would carry what the other left in the caches and
     * the JIT), and is compared within itself. Returns {model, DRL} (the medians of the rounds' means, µs), then the
     * median, lowest and highest of the rounds' model/DRL ratios.
     */
    private static double[] sideBySide(CompiledRuleset model, CompiledRuleset drl, List<List<Object>> facts, int rounds,
            int perRound) {
        CompiledRuleset[] forms = {model, drl};
        List<List<Double>> means = List.of(new ArrayList<>(), new ArrayList<>());
        List<Double> ratios = new ArrayList<>();
        for (int round = -2; round < rounds; round++) {
            double[] mean = new double[2];
            for (int turn = 0; turn < 2; turn++) {
                int form = Math.floorMod(round + turn, 2);
                long start = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    ProtocolAssembler.assemble("id", Instant.EPOCH, "p", RuleEngine.run(forms[form], facts.get(i % facts.size())));
                }
                mean[form] = (System.nanoTime() - start) / 1000.0 / perRound;
            }
            if (round >= 0) {
                means.get(0).add(mean[0]);
                means.get(1).add(mean[1]);
                ratios.add(mean[0] / mean[1]);
            }
        }
        double[] result = {median(means.get(0)), median(means.get(1)), median(ratios), java.util.Collections.min(ratios),
            java.util.Collections.max(ratios)};
        System.out.printf(Locale.ROOT, "side by side, %d rounds: model %.1f us, DRL %.1f us; model/DRL per round: median %.3f,"
                + " %.3f-%.3f%n", rounds, result[0], result[1], result[2], result[3], result[4]);
        return result;
    }

    private void inProcess(List<String> bodies) throws Exception {
        CompiledRuleset normal = new RuleEngine("classpath").ruleset();
        List<List<Object>> facts = new ArrayList<>();
        for (String body : bodies) {
            var parsed = IntakeParser.parse(org.lbp.cds.evaluation.Clinic.JSON.readTree(body), java.time.LocalDate.of(2026, 11, 25));
            facts.add(FactMapper.facts(parsed.intake(), Thresholds.DEFAULTS));
        }
        double[][] jmh = jmh();
        figures.put("inProcessMeanUs", jmh[0][0]);
        figures.put("inProcessP99Us", jmh[0][1]);
        figures.put("drlMeanUs", jmh[1][0]);
        figures.put("drlP99Us", jmh[1][1]);
        figures.put("grownRules", normal.rules().size() * 10);
        figures.put("grownMeanUs", jmh[2][0]);
        figures.put("grownP99Us", jmh[2][1]);
        double[] sideBySide = sideBySide(normal, new RuleEngine("rules").ruleset(), facts, smoke ? 3 : 21, smoke ? 2_000 : 20_000);
        figures.put("sideBySideModelUs", sideBySide[0]);
        figures.put("sideBySideDrlUs", sideBySide[1]);
        figures.put("sideBySideRatio", sideBySide[2]);
        figures.put("sideBySideRatioLowest", sideBySide[3]);
        figures.put("sideBySideRatioHighest", sideBySide[4]);
        stages = org.lbp.cds.audit.StageBenchmark.measure(smoke ? 4 : 200, false);

        int small = smoke ? 5_000 : 100_000;
        int large = smoke ? 50_000 : 1_000_000;
        time(normal, facts, small);
        System.gc();
        long rssSmall = rssMiB(ProcessHandle.current().pid());
        time(normal, facts, large - small);
        System.gc();
        long rssLarge = rssMiB(ProcessHandle.current().pid());
        figures.put("leakEvaluationsSmall", small);
        figures.put("leakEvaluationsLarge", large);
        figures.put("leakRssSmallMiB", rssSmall);
        figures.put("leakRssLargeMiB", rssLarge);
    }

    /**
     * The catalogue grown tenfold by generated rules that never fire (conditions no intake can meet), built as an
     * executable model like the service's knowledge base.
     */
    static CompiledRuleset tenfold(CompiledRuleset normal) {
        List<RuleFile> grown = new ArrayList<>(normal.source().files());
        int extra = normal.rules().size() * 9;
        StringBuilder drl = new StringBuilder("package lbp.rules;\nimport org.lbp.cds.codes.*;\nimport org.lbp.cds.rules.facts.*;\n");
        for (int i = 0; i < extra; i++) {
            drl.append("rule \"Generated rule ").append(i).append(" that never fires\"\n    @id(\"R99\")\n    @source(\"generated\")\n")
                    .append("    @decides(\"nothing\")\n    agenda-group \"").append(RuleEngine.PHASES.get(i % RuleEngine.PHASES.size()))
                    .append("\"\nwhen\n    Encounter(ageYears > ").append(200 + i).append(")\n    RegionScore(region == Region.")
                    .append(org.lbp.cds.codes.Region.values()[i % 13].name()).append(", left != null && left > ").append(10 + i % 5)
                    .append(")\nthen\n    insert(new Warning(\"GENERATED\", \"never\").by(drools));\nend\n");
        }
        grown.add(new RuleFile("rules/zz-generated.drl", drl.toString()));
        return org.lbp.cds.rules.ExecutableModelBuilder.compile(RulesetSource.of(grown), RuleEngine.class.getClassLoader());
    }

    /** The JMH benchmark of one evaluation: [model, drl, tenfold] × [mean µs, p99 µs]. */
    private double[][] jmh() throws Exception {
        org.openjdk.jmh.runner.options.Options options = new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include(EvaluationJmh.class.getName())
                .warmupIterations(smoke ? 1 : 5).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(smoke ? 1 : 3))
                .measurementIterations(smoke ? 1 : 5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(smoke ? 1 : 3))
                .forks(1).jvmArgsAppend("-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Xmx1g")
                .build();
        double[][] result = new double[3][];
        for (org.openjdk.jmh.results.RunResult run : new org.openjdk.jmh.runner.Runner(options).run()) {
            var statistics = run.getPrimaryResult().getStatistics();
            int index = List.of("model", "drl", "tenfold").indexOf(run.getParams().getParam("ruleset"));
            result[index] = new double[] {statistics.getMean(), statistics.getPercentile(99)};
            System.out.printf(Locale.ROOT, "JMH %s: mean %.1f us, p99 %.1f us%n", run.getParams().getParam("ruleset"),
                    statistics.getMean(), statistics.getPercentile(99));
        }
        return result;
    }

    /** Mean and p99 of one evaluation (session, insert, fire, collect, assemble), in microseconds. */
    private static double[] time(CompiledRuleset ruleset, List<List<Object>> facts, int n) {
        for (int i = 0; i < Math.min(n, 30_000); i++) { // warm-up: MVEL constraints jitted, JVM compiled
            ProtocolAssembler.assemble("id", Instant.EPOCH, "p", RuleEngine.run(ruleset, facts.get(i % facts.size())));
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            ProtocolAssembler.assemble("id", Instant.EPOCH, "p", RuleEngine.run(ruleset, facts.get(i % facts.size())));
            nanos[i] = System.nanoTime() - start;
        }
        double mean = Arrays.stream(nanos).average().orElse(0) / 1000;
        Arrays.sort(nanos);
        double p99 = nanos[(int) (n * 0.99)] / 1000.0;
        System.out.printf(Locale.ROOT, "in process, %d rules: mean %.1f us, p99 %.1f us over %d evaluations%n",
                ruleset.rules().size(), mean, p99, n);
        return new double[] {mean, p99};
    }

    // ---- report

    /** The figures of a fixed-rate point at half the peak, under keys beginning with the prefix. */
    private void halfPeak(String prefix, double rate, double[] point) {
        figures.put(prefix + "Rps", Math.round(rate));
        figures.put(prefix + "P50Ms", point[0]);
        figures.put(prefix + "P99Ms", point[1]);
        figures.put(prefix + "ServiceP50Ms", point[2]);
        figures.put(prefix + "ServiceP99Ms", point[3]);
    }

    /** The target row of p99 under 10 ms at half the peak, at the client, for one store's point. */
    private void halfPeakTarget(StringBuilder md, String store, String prefix) {
        double p99 = (double) figures.get(prefix + "P99Ms");
        target(md, "p99 < 10 ms at half the peak (" + store + ")", String.format(Locale.ROOT, "%.2f ms at %s req/s (in the "
                + "service: %.2f ms)", p99, figures.get(prefix + "Rps"), (double) figures.get(prefix + "ServiceP99Ms")), p99 < 10);
    }

    /** Where the service's CPU went in the median runs of the table above, per request, thread group by group. */
    private void cpuTable(StringBuilder md) {
        md.append("\n## The service's CPU per request, by thread\n\nIn the same runs as the table above: each of the service's ")
                .append("threads' CPU time (user and system, from `/proc/<pid>/task/*/stat`) over the run, per request answered, ")
                .append("in µs, grouped by what the threads do (`ThreadCpu`). Below the total, PostgreSQL's server processes ")
                .append("(all of them, from `/proc/*/stat`, with their ended workers' time): the work the service's commits cause ")
                .append("there, which the total and the cores busy leave out. wrk's CPU is not counted.\n\n| threads |");
        loads.forEach(load -> md.append(' ').append(load.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(loads.size())).append('\n');
        List<String> rows = new ArrayList<>(ThreadCpu.GROUPS);
        rows.add("total");
        rows.add(POSTGRES_CPU);
        for (String row : rows) {
            md.append("| ").append(row).append(" |");
            loads.forEach(load -> md.append(String.format(Locale.ROOT, " %.0f |", load.cpu().get(row))));
            md.append('\n');
        }
        md.append("| cores busy |");
        loads.forEach(load -> md.append(String.format(Locale.ROOT, " %.2f |", load.cores())));
        md.append('\n');
    }

    private void write(Path out) throws IOException {
        Files.createDirectories(out);
        double sqliteRatio = median(roundRatios.get(SQLITE));
        double h2Ratio = median(roundRatios.get(H2));
        double pgRatio = median(roundRatios.get(POSTGRESQL));
        double noAuditRatio = median(roundRatios.get(NO_AUDIT));
        String withoutAudit = String.format(Locale.ROOT, " (the same runs' service with the audit off: %.2f × echo)", noAuditRatio);
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n")
                .append("Measured by `bench/run`").append(smoke ? " (**smoke run: seconds only, not figures to read**)" : "")
                .append(" on ").append(Instant.now().toString(), 0, 10).append(": ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ")).append(", ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(". The service runs packaged, with the container's heap bound and collector (").append(String.join(" ", SERVICE_JVM))
                .append("; the SQLite driver's native library loaded from the build's target/sqlite-native, as from the image)")
                .append(" and, as in the container, on a class-data-sharing archive of its start-up's classes (")
                .append(figures.get("cdsArchiveMiB")).append(" MiB, made by a training run in ").append(figures.get("cdsTrainingMs"))
                .append(" ms; the start-up target below also without it). Load generator: wrk on 127.0.0.1 (2 threads, 16 connections, ").append(seconds)
                .append(" s per run), over the ").append("scenario intakes; it shares the 2 cores with the service, ")
                .append("which is why every HTTP figure is a ratio to the echo limit measured in the same run: after a warm-up ")
                .append("of both (load until two runs in a row agree within 5%, for the evaluation after at least 3 minutes, at most 16 runs; the JIT needs minutes of load on ")
                .append("2 cores to settle the evaluation path), echo and evaluation runs alternate, and the ratio is the median ")
                .append("of the rounds' ratios (the table shows the median runs). Warm-ups: ")
                .append(String.join("; ", warmUps.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()))
                .append(".\n\n");
        md.append("## HTTP\n\n| run | requests/s | ratio to echo | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < loads.size(); i++) {
            Load load = loads.get(i);
            Load limit = loads.get(i - i % 2); // the runs come in pairs, each store's echo then its evaluation
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %d |%n", load.name(), load.rps(),
                    load.rps() / limit.rps(), load.p50(), load.p99(), load.errors()));
        }
        roundRatios.forEach((store, ratios) -> md.append(String.format(Locale.ROOT, "%nRatios per round, %s: %s.%n", store,
                ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList())));
        md.append(String.format(Locale.ROOT, "%nThe last pair is a fourth service, the same build with the audit switched off "
                + "(`lbp.audit.enabled=false`, a switch for this measurement only): not a target, but what the throughput targets' "
                + "misses are made of. Without the durable record (HTTP, the token check, the rules, the JSON, the log line and the "
                + "metrics as always) the evaluation served %.2f × its echo; the record, committed before the answer, takes it to "
                + "%.2f on SQLite, %.2f on H2 and %.2f on PostgreSQL.%n", noAuditRatio, sqliteRatio, h2Ratio, pgRatio));
        cpuTable(md);
        md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        // The "audit on H2" target is the embedded store's: SQLite since 2026-12-04; H2 is measured beside it.
        target(md, "evaluation, audit on the embedded store (SQLite) ≥ 0.8 × echo", String.format(Locale.ROOT, "%.2f × echo",
                sqliteRatio) + withoutAudit, sqliteRatio >= 0.8);
        target(md, "evaluation, audit on H2 (data folders from before SQLite) ≥ 0.8 × echo", String.format(Locale.ROOT,
                "%.2f × echo", h2Ratio) + withoutAudit, h2Ratio >= 0.8);
        target(md, "evaluation, audit on PostgreSQL ≥ 0.6 × echo", String.format(Locale.ROOT, "%.2f × echo", pgRatio)
                + withoutAudit, pgRatio >= 0.6);
        halfPeakTarget(md, "the embedded store, SQLite", "halfPeak");
        halfPeakTarget(md, "H2", "h2HalfPeak");
        halfPeakTarget(md, "PostgreSQL", "pgHalfPeak");
        double mean = (double) figures.get("inProcessMeanUs");
        double p99us = (double) figures.get("inProcessP99Us");
        target(md, "one evaluation in process: mean ≤ 30 µs", String.format(Locale.ROOT, "%.1f µs", mean), mean <= 30);
        target(md, "one evaluation in process: p99 ≤ 300 µs", String.format(Locale.ROOT, "%.1f µs", p99us), p99us <= 300);
        double drl = (double) figures.get("drlMeanUs");
        double ratio = (double) figures.get("sideBySideRatio");
        md.append(String.format(Locale.ROOT, "| executable model against interpreted DRL, the faster kept (kept: the executable "
                + "model) | side by side in one JVM, alternating rounds: model %.1f µs, DRL %.1f µs, model/DRL %.3f per round at "
                + "the median (%.3f-%.3f); JMH, forks one after the other: model %.1f µs (p99 %.1f), DRL %.1f µs (p99 %.1f) | %s |%n",
                (double) figures.get("sideBySideModelUs"), (double) figures.get("sideBySideDrlUs"), ratio,
                (double) figures.get("sideBySideRatioLowest"), (double) figures.get("sideBySideRatioHighest"), mean, p99us, drl,
                (double) figures.get("drlP99Us"), ratio <= 1.05 ? "yes (within 5% side by side)" : "**no: DRL faster side by side**"));
        double grown = (double) figures.get("grownMeanUs");
        target(md, "ruleset grown 10× (" + figures.get("grownRules") + " rules): ≤ 3× the time",
                String.format(Locale.ROOT, "%.1f µs, %.2f×", grown, grown / mean), grown <= 3 * mean);
        long start = (long) figures.get("startToFirst200MsCds");
        target(md, "launch to first 200 ≤ 2 s (on the class-data-sharing archive, as the container runs)", String.format(Locale.ROOT,
                "%d ms (ready %d ms; without the archive: %d ms, ready %d ms); medians of %s", start, (long) figures.get(
                "startToReadyMsCds"), (long) figures.get("startToFirst200MsNoCds"), (long) figures.get("startToReadyMsNoCds"),
                smoke ? "1 start" : "5 starts each, alternating"), start <= 2000);
        long rss = (long) figures.get("idleRssMiBCds");
        target(md, "idle resident memory ≤ 200 MiB (the same starts)", String.format(Locale.ROOT, "%d MiB (without the archive: %d MiB)",
                rss, (long) figures.get("idleRssMiBNoCds")), rss <= 200);
        long small = (long) figures.get("leakRssSmallMiB");
        long large = (long) figures.get("leakRssLargeMiB");
        target(md, "RSS after " + figures.get("leakEvaluationsLarge") + " evaluations within 10% of after "
                + figures.get("leakEvaluationsSmall"), small + " → " + large + " MiB", large <= small * 1.1);
        md.append("\n## One evaluation in process, stage by stage\n\nOver the scenario intakes, after a warm-up, ")
                .append("without HTTP or the database (StageBenchmark): what the service does per request besides what the ")
                .append("echo does (the echo also parses the JSON).\n\n| stage | µs |\n|---|---|\n");
        stages.forEach((stage, micros) -> md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", stage, micros)));
        md.append("\n## Latency against load\n\n![p50 and p99 against the offered rate](performance-latency.svg)\n\n")
                .append("| offered req/s | p50 ms | p99 ms | in the service: p50 ms | p99 ms |\n|---|---|---|---|---|\n");
        for (double[] point : curve) {
            md.append(String.format(Locale.ROOT, "| %.0f | %.2f | %.2f | %.2f | %.2f |%n", point[0], point[1], point[2], point[3],
                    point[4]));
        }
        md.append("\nOpen-loop, fixed-rate load (latency counted from when each request was due, whatever happened to the ")
                .append("earlier ones) by `bench/openloop.c`, a C client of one thread in a process of its own (epoll and a timer, ")
                .append(OPEN_LOOP_CONNECTIONS).append(" kept-alive connections; its own schedule slipped by ")
                .append(String.format(Locale.ROOT, "%.1f", clientSlipMs))
                .append(" ms at most in these runs), evaluation with the audit on the embedded SQLite store. In the service: the duration of the same ")
                .append("requests in the service's own log line (from the parsed intake to the protocol ready, the audit ")
                .append("commit included), which leaves out HTTP, JSON reading and writing, the token check and the client. ")
                .append("The same at half the peak with the audit on H2 and on PostgreSQL: the targets table.\n");
        figures.put("openLoopClientSlipMaxMs", clientSlipMs);
        md.append("\n## All figures\n\n");
        figures.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append(notes).append("\n").append(Files.readString(FINDINGS));
        Path doc = out.resolve(smoke ? "performance-smoke.md" : "performance.md");
        Files.writeString(doc, md.toString());
        Files.writeString(out.resolve(smoke ? "performance-latency-smoke.svg" : "performance-latency.svg"), svg());
        System.out.println("wrote " + doc);
    }



    private static void target(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
    }

    private String svg() {
        int w = 640;
        int h = 360;
        double maxX = curve.stream().mapToDouble(p -> p[0]).max().orElse(1);
        double maxY = Math.max(1, curve.stream().mapToDouble(p -> p[2]).max().orElse(1));
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h
                + "\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
                + "<text x=\"320\" y=\"20\" text-anchor=\"middle\">Latency against offered load (evaluation, audit on SQLite)</text>\n"
                + "<line x1=\"60\" y1=\"310\" x2=\"610\" y2=\"310\" stroke=\"black\"/><line x1=\"60\" y1=\"40\" x2=\"60\" y2=\"310\" stroke=\"black\"/>\n"
                + "<text x=\"335\" y=\"345\" text-anchor=\"middle\">offered requests/s (max " + Math.round(maxX) + ")</text>\n"
                + "<text x=\"15\" y=\"175\" transform=\"rotate(-90 15 175)\" text-anchor=\"middle\">ms (max "
                + String.format(Locale.ROOT, "%.1f", maxY) + ")</text>\n");
        for (int series = 1; series <= 2; series++) {
            StringBuilder points = new StringBuilder();
            for (double[] p : curve) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", 60 + 550 * p[0] / maxX, 310 - 270 * p[series] / maxY));
            }
            String colour = series == 1 ? "#0b5cad" : "#a00000";
            s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"").append(points)
                    .append("\"/>\n<text x=\"520\" y=\"").append(40 + 16 * series).append("\" fill=\"").append(colour).append("\">")
                    .append(series == 1 ? "p50" : "p99").append("</text>\n");
        }
        return s.append("</svg>\n").toString();
    }
}
