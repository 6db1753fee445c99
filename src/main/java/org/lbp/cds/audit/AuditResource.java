package org.lbp.cds.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.lbp.cds.audit.api.RejectionReport;
import org.lbp.cds.audit.api.RuleFiringReport;
import org.lbp.cds.audit.api.VerifyReport;
import org.lbp.cds.security.Roles;

/** The auditors' view of the trail as a whole: the chain check, per-rule firing counts, rejected requests. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    private final AuditRepository repository;

    public AuditResource(AuditRepository repository) {
        this.repository = repository;
    }

    /** Walks the whole hash chain and reports the first broken link. */
    @GET
    @Path("/verify")
    public VerifyReport verify() {
        return repository.verify();
    }

    /** Per-rule firing counts over [from, to); the last 30 days by default. */
    @GET
    @Path("/rule-firings")
    public RuleFiringReport ruleFirings(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant[] period = period(from, to);
        return repository.ruleFirings(period[0], period[1]);
    }

    /** Rejected requests (400) over [from, to); the last 30 days by default. */
    @GET
    @Path("/rejections")
    public RejectionReport rejections(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant[] period = period(from, to);
        return repository.rejections(period[0], period[1]);
    }

    private static Instant[] period(String fromText, String toText) {
        AuditQuery query = new AuditQuery();
        Instant from = query.time("from", fromText);
        Instant to = query.time("to", toText);
        query.order(from, to);
        query.done();
        Instant end = to == null ? Instant.now().plus(1, ChronoUnit.SECONDS) : to;
        return new Instant[] {from == null ? end.minus(30, ChronoUnit.DAYS) : from, end};
    }
}
