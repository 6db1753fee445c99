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

    /** The groups, in the order of the table; a thread that matches none is "other". */
    static final List<String> GROUPS = List.of("request threads", "event loops", "audit writer", "H2 serialisation",
            "H2 save", "H2 background (compaction)", "collector (G1)", "JIT compilers", "other");

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

    /** What a thread does, from its name. */
    static String group(String name) {
        if (name.startsWith("executor-thread")) {
            return "request threads";
        } else if (name.startsWith("vert.x-eventloo")) {
            return "event loops";
        } else if (name.startsWith("audit-writer")) {
            return "audit writer";
        } else if (name.startsWith("H2-serializatio")) {
            return "H2 serialisation";
        } else if (name.startsWith("H2-save")) {
            return "H2 save";
        } else if (name.startsWith("MVStore backgro")) {
            return "H2 background (compaction)";
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "collector (G1)";
        } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return "JIT compilers";
        }
        return "other";
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
            long ticks = thread.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            double us = ticks * 1e6 / TICKS_PER_SECOND / Math.max(1, requests);
            micros.merge(group(thread.getValue().name()), us, Double::sum);
            total += us;
        }
        micros.put("total", total);
        return micros;
    }
}
