package org.lbp.cds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The benchmark's CPU-by-thread figures: reading the kernel's lines, naming the groups, the sums per request. */
class ThreadCpuTest {

    @Test
    void aStatLineGivesTheNameAndTheUserAndSystemTime() {
        // a real line's shape: the name holds a space and a '#'; utime 1234 and stime 56 are fields 14 and 15
        String stat = "4242 (GC Thread#1) S 4200 4200 1 0 -1 1077936192 120 0 0 0 1234 56 0 0 20 0 31 0 987 0 0";
        ThreadCpu.ThreadTime thread = ThreadCpu.parse(stat);
        assertEquals("GC Thread#1", thread.name());
        assertEquals(1290, thread.ticks());
        assertEquals("a) b", ThreadCpu.parse("7 (a) b) R 1 1 1 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0 5 0 0").name());
    }

    @Test
    void threadsAreGroupedByWhatTheyDo() {
        assertEquals("request threads", ThreadCpu.group("executor-thread"));
        assertEquals("event loops", ThreadCpu.group("vert.x-eventloo"));
        assertEquals("audit writer", ThreadCpu.group("audit-writer"));
        assertEquals("SQLite checkpoints", ThreadCpu.group("audit-checkpoin")); // audit-checkpoints, as the kernel keeps it
        assertEquals("H2 serialisation", ThreadCpu.group("H2-serializatio"));
        assertEquals("H2 save", ThreadCpu.group("H2-save"));
        assertEquals("H2 background (compaction)", ThreadCpu.group("MVStore backgro"));
        assertEquals("collector (G1)", ThreadCpu.group("GC Thread#0"));
        assertEquals("collector (G1)", ThreadCpu.group("G1 Conc#0"));
        assertEquals("JIT compilers", ThreadCpu.group("C2 CompilerThre"));
        assertEquals("collector (G1)", ThreadCpu.group("G1 Refine#0"));
        assertEquals("JIT compilers", ThreadCpu.group("C1 CompilerThre"));
        assertEquals("other", ThreadCpu.group("VM Thread"));
        assertEquals(java.util.List.of("request threads", "event loops", "audit writer", "SQLite checkpoints",
                "H2 serialisation", "H2 save", "H2 background (compaction)", "collector (G1)", "JIT compilers", "other"),
                ThreadCpu.GROUPS);
    }

    @Test
    void theTimeBetweenTwoSnapshotsIsSharedOutPerRequest() {
        Map<Long, ThreadCpu.ThreadTime> before = Map.of(1L, new ThreadCpu.ThreadTime("executor-thread", 100),
                2L, new ThreadCpu.ThreadTime("audit-writer", 10));
        Map<Long, ThreadCpu.ThreadTime> after = Map.of(1L, new ThreadCpu.ThreadTime("executor-thread", 300),
                2L, new ThreadCpu.ThreadTime("audit-writer", 60), 3L, new ThreadCpu.ThreadTime("executor-thread", 20));
        // 200 + 20 ticks of request threads and 50 of the writer, at 100 ticks a second, over 1,000 requests
        Map<String, Double> perRequest = ThreadCpu.perRequest(before, after, 1000);
        assertEquals(2200.0, perRequest.get("request threads"), 1e-9);
        assertEquals(500.0, perRequest.get("audit writer"), 1e-9);
        assertEquals(0.0, perRequest.get("H2 save"), 1e-9);
        assertEquals(2700.0, perRequest.get("total"), 1e-9);
        assertEquals(ThreadCpu.GROUPS.size() + 1, perRequest.size());
    }

    @Test
    void aProcessLineAlsoGivesItsEndedChildrensTime() {
        // cutime 700 and cstime 80 are fields 16 and 17: a postmaster's workers that ended
        String stat = "900 (postgres) S 1 900 900 0 -1 4194560 5000 90000 0 0 1234 56 700 80 20 0 1 0 42 0 0";
        assertEquals(1290, ThreadCpu.parse(stat).ticks());
        assertEquals(780, ThreadCpu.childrenTicks(stat));
    }

    @Test
    void processesAreReadByName() throws Exception {
        long pid = ProcessHandle.current().pid();
        String name = ThreadCpu.parse(java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat")))
                .name();
        long threads = ThreadCpu.snapshot(pid).values().stream().mapToLong(ThreadCpu.ThreadTime::ticks).sum();
        // this process is one of those named so, and its time holds its live threads' (and its ended threads')
        assertTrue(ThreadCpu.processTicks(name) >= threads, name + ": " + threads);
        assertEquals(0, ThreadCpu.processTicks("no process is named so"));
    }

    @Test
    void thisProcessesThreadsCanBeRead() throws Exception {
        Map<Long, ThreadCpu.ThreadTime> threads = ThreadCpu.snapshot(ProcessHandle.current().pid());
        assertTrue(threads.size() > 1, "threads: " + threads);
        assertTrue(threads.values().stream().anyMatch(thread -> thread.ticks() > 0), "no thread used CPU: " + threads);
    }
}
