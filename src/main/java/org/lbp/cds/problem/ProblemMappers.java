package org.lbp.cds.problem;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lbp.cds.evaluation.InvalidIntakeException;

/** Every error leaves the service as an RFC 9457 problem document, without internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidIntake(InvalidIntakeException e) {
        return problem(new Problem(Problem.INVALID_INTAKE, "The intake is not valid", 400,
                e.errors().size() + " field(s) are not valid; see errors.", e.errors()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String field = "";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPathReference().replaceAll("^[^\\[]*\\[", "").replace("\"]", "");
        }
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        if (message.length() > 200) {
            message = message.substring(0, 200);
        }
        return problem(new Problem(Problem.MALFORMED_JSON, "The body is not well-formed JSON", 400,
                "The request body could not be read as JSON.", List.of(new FieldError(field, FieldError.TYPE, message))));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return problem(new Problem("about:blank", title, status, title, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return problem(new Problem("about:blank", "Internal Server Error", 500,
                "The service could not answer; the error was logged.", null));
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
