package org.lbp.cds.rules;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The bundled knowledge base (the executable model built with the service), loaded on a thread of its own from the
 * entry point, before Quarkus boots, so that its load runs beside Quarkus' own start-up steps instead of after them.
 * {@link RuleEngine} takes it when its rules location is the classpath (the default); otherwise it is not used.
 * Nothing here reads configuration: Quarkus' is not there yet.
 */
public final class RulesPreload {

    private static FutureTask<Optional<CompiledRuleset>> loading;

    private RulesPreload() {
    }

    /** Starts the load, unless one is already waiting to be taken. */
    public static synchronized void start() {
        if (loading != null) {
            return;
        }
        ClassLoader classLoader = RulesPreload.class.getClassLoader();
        FutureTask<Optional<CompiledRuleset>> task = new FutureTask<>(() -> ExecutableModel.load(
                RulesetSource.fromClasspath(classLoader, "rules"), classLoader, new StringBuilder()));
        Thread thread = new Thread(task, "rules-preload");
        thread.setDaemon(true);
        loading = task;
        thread.start();
    }

    /**
     * The preloaded knowledge base, waited for, once; empty when no load was started, or it did not load (the model does
     * not match the bundled rules, or it failed): then {@link RuleEngine} loads them itself and says why.
     */
    static Optional<CompiledRuleset> take() {
        FutureTask<Optional<CompiledRuleset>> task = discard();
        if (task == null) {
            return Optional.empty();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            return Optional.empty(); // loaded again by the caller, which then reports the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Removes the load, if one was started, and returns it; the rules from elsewhere (a folder) leave it unused. */
    static synchronized FutureTask<Optional<CompiledRuleset>> discard() {
        FutureTask<Optional<CompiledRuleset>> task = loading;
        loading = null;
        return task;
    }
}
