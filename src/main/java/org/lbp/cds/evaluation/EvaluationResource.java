package org.lbp.cds.evaluation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.lbp.cds.evaluation.api.Protocol;

/** POST /api/v1/evaluations: an intake in, a protocol out (see shared/clinical/contract.md and openapi/). */
@Path("/api/v1/evaluations")
public class EvaluationResource {

    private final EvaluationService service;

    public EvaluationResource(EvaluationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Protocol evaluate(JsonNode intake) {
        return service.evaluate(intake);
    }
}
