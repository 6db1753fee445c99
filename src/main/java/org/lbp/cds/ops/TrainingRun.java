package org.lbp.cds.ops;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * The class-data-sharing archive's training run: with {@code lbp.exit-after-start=true} the service starts completely
 * (the knowledge base, the audit store and its migration, the warm-up evaluation, the token check), then exits with
 * status 0, so that a JVM started with {@code -XX:ArchiveClassesAtExit=...} writes an archive of every class the
 * start-up loaded. Started with {@code -XX:SharedArchiveFile=...}, the service then maps those classes instead of
 * loading, verifying and linking them one by one (docs/performance.md: launch to ready about a fifth shorter). The
 * container image makes its archive this way (docker/Dockerfile.jvm), and so does the benchmark.
 */
@ApplicationScoped
public class TrainingRun {

    private static final Logger LOG = Logger.getLogger(TrainingRun.class);

    /** After every other start-up observer, the service's and Quarkus' own. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event,
            @ConfigProperty(name = "lbp.exit-after-start", defaultValue = "false") boolean exitAfterStart) {
        if (exitAfterStart) {
            LOG.info("Started completely; exiting, as lbp.exit-after-start asks (a training run)");
            Quarkus.asyncExit(0);
        }
    }
}
