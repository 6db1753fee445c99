package org.lbp.cds.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time of a process's threads (Linux {@code /proc/<pid>/task/<tid>/stat}), grouped by what they do: where
 * the service's CPU goes per request, which a profiler attached to a warm service would disturb (attaching JFR
 * deoptimised it) and JFR's samples of Java code do not show (the collector and the JIT are native threads).
 */
final class ThreadCpu {

    /** Linux reports thread CPU times in USER_HZ ticks: 100 a second on every architecture it runs on here. */
    static final long TICKS_PER_SECOND = 100;

    /**
     * Which threads do what: a thread whose name (as the kernel keeps it, 15 characters at most) begins with a key is in
     * its group. In the order of the table.
     */
    private static final Map<String, String> BY_NAME_PREFIX = linked(
            "executor-thread", "request threads",
            "vert.x-eventloo", "event loops",
            "audit-writer", "audit writer",
            "audit-checkpoin", "SQLite checkpoints",
            "H2-serializatio", "H2 serialisation",
            "H2-save", "H2 save",
            "MVStore backgro", "H2 background (compaction)",
            "GC Thread", "collector (G1)",
            "G1 ", "collector (G1)",
            "C1 CompilerThre", "JIT compilers",
            "C2 CompilerThre", "JIT compilers");

    /** The groups, in the order of the table; a thread that matches none is "other". */
    static final List<String> GROUPS = java.util.stream.Stream.concat(BY_NAME_PREFIX.values().stream().distinct(),
            java.util.stream.Stream.of("other")).toList();

    /** One thread: its name as the kernel keeps it (15 characters at most) and its CPU time in ticks. */
    record ThreadTime(String name, long ticks) {
    }

    private ThreadCpu() {
    }

    /** The threads of a process now, by thread id. */
    static Map<Long, ThreadTime> snapshot(long pid) throws IOException {
        Map<Long, ThreadTime> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    threads.put(Long.parseLong(task.getFileName().toString()), parse(Files.readString(task.resolve("stat"))));
                } catch (IOException ended) {
                    // the thread ended between the listing and the read: its time is lost, a few ticks at most
                }
            }
        }
        return threads;
    }

    /** A line of {@code stat}: the name is between the first '(' and the last ')', and may hold spaces or parentheses. */
    static ThreadTime parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String[] fields = stat.substring(close + 2).trim().split(" ");
        // after the name: state (field 3), ... utime (field 14) and stime (field 15), counted from 1
        return new ThreadTime(stat.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    /**
     * The CPU ticks of every process whose name begins with the prefix (PostgreSQL's server processes: "postgres"), with
     * the time of their children that ended and were waited for ({@code cutime}, {@code cstime}). So the difference of
     * two readings is what those processes spent in between, also for one that ended in between (a PostgreSQL worker:
     * its time moves to the postmaster's children time when it is reaped).
     */
    static long processTicks(String namePrefix) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (IOException ended) {
                    continue; // ended between the listing and the read: its parent holds its time in the next reading
                }
                ThreadTime own = parse(stat);
                if (own.name().startsWith(namePrefix)) {
                    ticks += own.ticks() + childrenTicks(stat);
                }
            }
        }
        return ticks;
    }

    /** A process's {@code stat} line: the CPU time of its children that ended and were waited for (fields 16 and 17). */
    static long childrenTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /** µs of CPU per request for a number of ticks. */
    static double perRequest(long ticks, long requests) {
        return ticks * 1e6 / TICKS_PER_SECOND / Math.max(1, requests);
    }

    /** What a thread does, from its name. */
    static String group(String name) {
        for (Map.Entry<String, String> prefix : BY_NAME_PREFIX.entrySet()) {
            if (name.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return "other";
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /**
     * µs of CPU per request in each group between two snapshots, in the order of {@link #GROUPS}, then "total". A thread
     * that started in between counts from zero; one that ended in between is not counted, since {@code /proc} no longer
     * holds its time (the service's threads are pooled and live long, so that is little).
     */
    static Map<String, Double> perRequest(Map<Long, ThreadTime> before, Map<Long, ThreadTime> after, long requests) {
        Map<String, Double> micros = new LinkedHashMap<>();
        GROUPS.forEach(group -> micros.put(group, 0.0));
        double total = 0;
        for (Map.Entry<Long, ThreadTime> thread : after.entrySet()) {
            ThreadTime earlier = before.get(thread.getKey());
            double us = perRequest(thread.getValue().ticks() - (earlier == null ? 0 : earlier.ticks()), requests);
            micros.merge(group(thread.getValue().name()), us, Double::sum);
            total += us;
        }
        micros.put("total", total);
        return micros;
    }
}
