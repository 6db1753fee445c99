package org.lbp.cds.audit;

import java.sql.Connection;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the audit store answers: without it no protocol can be returned. */
@Readiness
@ApplicationScoped
public class AuditHealthCheck implements HealthCheck {

    private final AuditConfig config;
    private final AuditDatabase database;

    public AuditHealthCheck(AuditConfig config, AuditDatabase database) {
        this.config = config;
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.enabled()) {
            return HealthCheckResponse.named("audit-store").up().withData("audit", "off").build();
        }
        try (Connection connection = database.connection()) {
            boolean valid = database.ready(connection);
            return HealthCheckResponse.named("audit-store").status(valid).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("audit-store").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
