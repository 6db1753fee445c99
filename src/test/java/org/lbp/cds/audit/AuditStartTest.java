package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.EvaluationService;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * The audit store's opening at start-up: on a thread of its own, beside the rest of the start-up, and waited for
 * before the start-up ends, so that no request comes before the store is migrated and its writer runs.
 */
class AuditStartTest {

    @Test
    @DisplayName("The store opens on a thread of its own while the start-up goes on, and the start-up's end waits for it")
    void opensBesideTheStartUpAndIsWaitedFor(@TempDir Path dataDir) throws Exception {
        AuditConfig config = TestStore.embeddedDefault(dataDir);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> openedOn = new AtomicReference<>();
        AuditDatabase database = new AuditDatabase(config) {
            @Override
            public void start() {
                openedOn.set(Thread.currentThread().getName());
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.start();
            }
        };
        AuditService audit = new AuditService(config, database);
        try {
            audit.onStart(null); // returns while the store is still opening
            Thread waiting = new Thread(() -> {
                try {
                    audit.awaitStart(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiting.start();
            waiting.join(300);
            assertTrue(waiting.isAlive(), "the start-up's end waits while the store is still opening");
            release.countDown();
            waiting.join(10_000);
            assertFalse(waiting.isAlive(), "and ends once it is open");
            assertEquals("audit-store-opening", openedOn.get());

            EvaluationService evaluations = new EvaluationService(Clinic.engine(), Thresholds.DEFAULTS,
                    Clock.fixed(Clinic.NOW, ZoneOffset.UTC), audit);
            Protocol protocol = evaluations.evaluate(Clinic.JSON.readTree(Clinic.patient().id("PT-START-1")
                    .score("quads", 2, 8).body()));
            AuditRepository repository = new AuditRepository(database);
            assertEquals("PT-START-1", repository.find(protocol.evaluationId()).orElseThrow().patientId(),
                    "the first evaluation after the start-up is recorded");
            assertTrue(repository.verify().valid());
        } finally {
            release.countDown();
            audit.stop();
            database.close();
        }
    }

    @Test
    @DisplayName("A store whose opening fails with an error fails the start-up, as when it opened on the start-up's thread")
    void anErrorInTheOpeningFailsTheStartUp(@TempDir Path dataDir) throws Exception {
        AuditConfig config = TestStore.embeddedDefault(dataDir);
        LinkageError failure = new LinkageError("the store's driver could not be linked");
        AuditDatabase database = new AuditDatabase(config) {
            @Override
            public void start() {
                throw failure;
            }
        };
        AuditService audit = new AuditService(config, database);
        try {
            audit.onStart(null);
            assertSame(failure, assertThrows(LinkageError.class, () -> audit.awaitStart(null)));
        } finally {
            audit.stop();
            database.close();
        }
    }

    @Test
    @DisplayName("A store that is down at start-up does not stop the start: evaluations answer 503 until it is up (logged)")
    void aStoreThatIsDownDoesNotFailTheStartUp(@TempDir Path dataDir) throws Exception {
        AuditConfig config = TestStore.embeddedDefault(dataDir);
        AuditDatabase database = new AuditDatabase(config) {
            @Override
            public java.sql.Connection connection() throws java.sql.SQLException {
                throw new java.sql.SQLException("connection refused");
            }
        };
        AuditService audit = new AuditService(config, database);
        try {
            audit.onStart(null);
            audit.awaitStart(null); // no exception: the store is retried on first use
            assertTrue(audit.writerFailure().isEmpty(), "the writer runs");
        } finally {
            audit.stop();
            database.close();
        }
    }
}
