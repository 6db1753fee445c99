package org.lbp.cds.problem;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.logging.Logger;
import org.lbp.cds.audit.AuditService;
import org.lbp.cds.audit.AuditUnavailableException;
import org.lbp.cds.ops.ServiceMetrics;
import org.lbp.cds.security.Callers;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lbp.cds.evaluation.InvalidIntakeException;

/** Every error leaves the service as an RFC 9457 problem document, without internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Quarkus REST's request input stream (and its inner classes): where a closed client connection shows first. */
    private static final String REQUEST_INPUT = "org.jboss.resteasy.reactive.server.vertx.VertxInputStream";

    private final AuditService audit;
    private final SecurityIdentity caller;
    private final ServiceMetrics metrics;

    public ProblemMappers(AuditService audit, SecurityIdentity caller, ServiceMetrics metrics) {
        this.audit = audit;
        this.caller = caller;
        this.metrics = metrics;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(Exception e) {
        metrics.rejected("unauthorized");
        return Response.fromResponse(problem(new Problem(Problem.UNAUTHORIZED, "Unauthorized", 401,
                "A valid bearer token is required (missing, malformed, expired, wrongly signed or for another issuer).",
                null))).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(ForbiddenException e) {
        metrics.rejected("forbidden");
        return problem(new Problem(Problem.FORBIDDEN, "Forbidden", 403, "The token's roles do not allow this.", null));
    }

    @ServerExceptionMapper
    public Response invalidIntake(InvalidIntakeException e) {
        metrics.rejected("invalid_intake");
        audit.rejected(Instant.now(), Callers.name(caller), e.errors().size());
        return problem(new Problem(Problem.INVALID_INTAKE, "The intake is not valid", 400,
                e.errors().size() + " field(s) are not valid; see errors.", e.errors()));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return problem(e.problem());
    }

    @ServerExceptionMapper
    public Response auditUnavailable(AuditUnavailableException e) {
        metrics.rejected("audit_unavailable");
        LOG.errorf("no protocol returned: %s (%s)", e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
        return Response.fromResponse(problem(new Problem(Problem.AUDIT_UNAVAILABLE, "The audit store is unavailable", 503,
                "The evaluation could not be recorded, so no protocol is returned. Retry shortly.", null)))
                .header("Retry-After", "5").build();
    }

    /** Overrides Quarkus' own mapper for this type (a 400 without a body), e.g. trailing tokens after the intake. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformedJson(e);
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
        metrics.rejected("malformed_json");
        audit.rejected(Instant.now(), Callers.name(caller), 1);
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
        metrics.rejected(status == 415 ? "unsupported_media_type" : status == 404 ? "not_found"
                : status == 405 ? "method_not_allowed" : "http_" + status);
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return problem(new Problem("about:blank", title, status, title, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (clientClosed(e)) {
            // The client went away while its request was being read (a timeout on its side, a dropped network): no
            // answer can reach it and nothing failed here, so no error and no stack trace, only a count and a line.
            metrics.rejected("client_closed");
            LOG.debug("request not read: the client closed the connection");
            return problem(new Problem("about:blank", "Bad Request", 400,
                    "The connection closed before the request was read.", null));
        }
        LOG.error("unexpected error", e);
        return problem(new Problem("about:blank", "Internal Server Error", 500,
                "The service could not answer; the error was logged.", null));
    }

    /**
     * Whether the failure is the client's connection closing: Vert.x's HttpClosedException among its causes (the
     * connection closed while the body was being read), or a ClosedChannelException thrown by Quarkus REST's request
     * input stream itself (it was already closed when the request thread began to read the body; seen under load when
     * a load generator ended its run). A ClosedChannelException from anywhere else (a file, a database connection) is
     * still an error.
     */
    static boolean clientClosed(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException
                    || cause instanceof java.nio.channels.ClosedChannelException && thrownByRequestInput(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownByRequestInput(Throwable e) {
        StackTraceElement[] stack = e.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith(REQUEST_INPUT);
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
