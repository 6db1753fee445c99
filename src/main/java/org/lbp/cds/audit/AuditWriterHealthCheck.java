package org.lbp.cds.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the audit writer thread is: if it died of an error, or ended on an interrupt without a stop, no evaluation
 * can be recorded, so none can be answered, and only a restart helps. A store outage is not this: the writer lives
 * through it (readiness reports it).
 */
@Liveness
@ApplicationScoped
public class AuditWriterHealthCheck implements HealthCheck {

    private final AuditService audit;

    public AuditWriterHealthCheck(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public HealthCheckResponse call() {
        return audit.writerFailure()
                .map(error -> HealthCheckResponse.named("audit-writer").down().withData("error", error.getClass().getSimpleName()).build())
                .orElseGet(() -> HealthCheckResponse.up("audit-writer"));
    }
}
