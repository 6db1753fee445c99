package org.lbp.cds.security;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.lbp.cds.audit.AuditService;
import org.lbp.cds.rules.RuleEngine;

/** Operational endpoints, for administrators. */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** What is running: the ruleset, whether the audit is on and where, uptime and memory. */
    public record Status(String rulesetVersion, int ruleCount, boolean auditEnabled, String auditStore, long uptimeSeconds,
            long heapUsedBytes, long heapMaxBytes) {
    }

    private final RuleEngine engine;
    private final AuditService audit;

    public AdminResource(RuleEngine engine, AuditService audit) {
        this.engine = engine;
        this.audit = audit;
    }

    @GET
    @Path("/status")
    public Status status() {
        Runtime runtime = Runtime.getRuntime();
        return new Status(engine.ruleset().version(), engine.ruleset().rules().size(), audit.enabled(), audit.storeKind(),
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).toSeconds(),
                runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
    }
}
