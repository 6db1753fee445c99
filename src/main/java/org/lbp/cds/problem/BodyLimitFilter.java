package org.lbp.cds.problem;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@code lbp.input.max-body-bytes} with 413 and a problem document, before it is read.
 * (The HTTP layer's own limit, {@code quarkus.http.limits.max-body-size}, is a larger backstop for bodies sent
 * without a length.)
 */
public class BodyLimitFilter {

    private final long maxBytes;
    private final org.lbp.cds.ops.ServiceMetrics metrics;

    public BodyLimitFilter(@ConfigProperty(name = "lbp.input.max-body-bytes", defaultValue = "65536") long maxBytes,
            org.lbp.cds.ops.ServiceMetrics metrics) {
        this.maxBytes = maxBytes;
        this.metrics = metrics;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.of(ProblemMappers.problem(new Problem("about:blank", "Bad Request", 400,
                    "The Content-Length header is not a number.", null)));
        }
        if (bytes > maxBytes) {
            metrics.rejected("too_large");
            return Optional.of(ProblemMappers.problem(new Problem(Problem.TOO_LARGE, "Payload Too Large", 413,
                    "The body is " + bytes + " bytes; at most " + maxBytes + " are accepted.",
                    java.util.List.of(new FieldError("", FieldError.OUT_OF_RANGE, "the body: at most " + maxBytes + " bytes")))));
        }
        return Optional.empty();
    }
}
