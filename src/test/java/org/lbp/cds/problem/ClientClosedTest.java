package org.lbp.cds.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.http.HttpClosedException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.ops.ServiceMetrics;

/**
 * A client that closes its connection while its request is read (its own timeout, a dropped network) is not an error
 * of the service: it is counted as a rejection, logged without a stack trace below INFO, and never as an ERROR that
 * would page someone. Any other unexpected failure still is an ERROR.
 */
class ClientClosedTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProblemMappers mappers = new ProblemMappers(null, null, new ServiceMetrics(registry));

    @Test
    @DisplayName("The connection closed while the body was read: 400, counted as client_closed, nothing logged at INFO or above")
    void clientClosedIsNotAnError() {
        // as Quarkus REST reports it when the client goes away mid-body
        Exception closed = new IOException(new IOException(new HttpClosedException("Connection was closed")));
        assertAnsweredAsClientClosed(closed);
    }

    @Test
    @DisplayName("The connection already closed when the body was to be read: 400 and client_closed too, not an error")
    void closedBeforeTheBodyIsNotAnError() {
        // as logged at ERROR by bench/run on 2026-12-03 when wrk ended a run: an IOException around the
        // ClosedChannelException that Quarkus REST's request input stream throws when it is made on a closed connection
        Exception closed = new IOException(thrownAt(new ClosedChannelException(),
                "org.jboss.resteasy.reactive.server.vertx.VertxInputStream$VertxBlockingInput", "<init>"));
        assertAnsweredAsClientClosed(closed);
    }

    @Test
    @DisplayName("A closed channel anywhere else (a file, the audit store) is still a 500 logged as an error")
    void closedChannelElsewhereStillAnError() {
        Exception closed = new IOException(thrownAt(new ClosedChannelException(), "sun.nio.ch.FileChannelImpl", "write"));
        assertAnsweredAsError(closed);
        assertFalse(ProblemMappers.clientClosed(new ClosedChannelException())); // made here, in the test: not the request's
    }

    private static <T extends Throwable> T thrownAt(T error, String className, String method) {
        error.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, method, "Source.java", 1),
            new StackTraceElement("org.example.Caller", "call", "Caller.java", 2)});
        return error;
    }

    @Test
    @DisplayName("Any other unexpected failure is still a 500 logged as an error, and not counted as client_closed")
    void otherFailuresStillErrors() {
        assertAnsweredAsError(new IOException(new IllegalStateException("disk full")));
        assertFalse(ProblemMappers.clientClosed(new IOException("Connection reset by peer")));
    }

    /** 400, counted as client_closed, and nothing logged at INFO or above. */
    private void assertAnsweredAsClientClosed(Exception closed) {
        List<LogRecord> logged = logged(() -> assertEquals(400, mappers.unexpected(closed).getStatus()));
        assertTrue(logged.stream().noneMatch(record -> record.getLevel().intValue() >= Level.INFO.intValue()), () -> "logged: " + logged);
        assertEquals(1.0, registry.get("lbp.requests.rejected").tag("reason", "client_closed").counter().count());
    }

    /** 500, logged as an error, and not counted as client_closed. */
    private void assertAnsweredAsError(Exception failure) {
        List<LogRecord> logged = logged(() -> assertEquals(500, mappers.unexpected(failure).getStatus()));
        assertTrue(logged.stream().anyMatch(record -> record.getLevel().intValue() >= Level.SEVERE.intValue()), () -> "logged: " + logged);
        assertTrue(registry.find("lbp.requests.rejected").tag("reason", "client_closed").counters().isEmpty());
    }

    private static List<LogRecord> logged(Runnable action) {
        Logger logger = Logger.getLogger(ProblemMappers.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(level);
        }
        return records;
    }
}
