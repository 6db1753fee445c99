package org.lbp.cds.ops;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A part of the start-up run on a thread of its own, beside the other start-up observers, and waited for by a later
 * observer before the start-up ends, so that the service takes no request before it is done and its failure fails the
 * start (the audit store's opening, the token check's warm-up).
 */
public final class StartupTask {

    private final FutureTask<Void> task;

    private StartupTask(Runnable work) {
        this.task = new FutureTask<>(work, null);
    }

    /** Starts {@code work} on a daemon thread named {@code threadName}. */
    public static StartupTask start(String threadName, Runnable work) {
        StartupTask started = new StartupTask(work);
        Thread thread = new Thread(started.task, threadName);
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** Waits for the work to end; what it threw is thrown here as it was, so that it fails the start. */
    public void await() throws InterruptedException {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a start-up task failed", e.getCause());
        }
    }
}
