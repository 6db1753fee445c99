package org.lbp.cds.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.lbp.cds.audit.EvaluationRecords;
import org.lbp.cds.audit.api.EvaluationPage;
import org.lbp.cds.audit.api.RecordView;
import org.lbp.cds.audit.api.ReplayResult;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.security.Callers;
import org.lbp.cds.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * /api/v1/evaluations: POST an intake, get a protocol (see shared/clinical/contract.md and openapi/); and, for
 * auditors, the recorded evaluations: one by id, a search, and a replay under the ruleset it ran with.
 */
@Path("/api/v1/evaluations")
public class EvaluationResource {

    private final EvaluationService service;
    private final EvaluationRecords records;
    private final SecurityIdentity caller;

    public EvaluationResource(EvaluationService service, EvaluationRecords records, SecurityIdentity caller) {
        this.service = service;
        this.records = records;
        this.caller = caller;
    }

    /** Clinicians evaluate; the caller's subject is recorded with the evaluation. */
    @POST
    @RolesAllowed(Roles.CLINICIAN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Protocol evaluate(JsonNode intake) {
        return service.evaluate(intake, Callers.name(caller));
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Produces(MediaType.APPLICATION_JSON)
    public EvaluationPage search(@QueryParam("patientId") String patientId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("status") String status, @QueryParam("ruleId") String ruleId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return records.search(patientId, from, to, status, ruleId, page, size);
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("/{evaluationId}")
    @Produces(MediaType.APPLICATION_JSON)
    public RecordView record(@PathParam("evaluationId") String evaluationId) {
        return records.find(evaluationId);
    }

    @POST
    @RolesAllowed(Roles.AUDITOR)
    @Path("/{evaluationId}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    public ReplayResult replay(@PathParam("evaluationId") String evaluationId) {
        return records.replay(evaluationId);
    }
}
