package org.lbp.cds.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). Never carries a stack trace or a class name.
 *
 * @param errors every invalid field, for 400 responses to invalid input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String INVALID_INTAKE = "urn:lbp-cds:problem:invalid-intake";
    public static final String MALFORMED_JSON = "urn:lbp-cds:problem:malformed-json";
    public static final String AUDIT_UNAVAILABLE = "urn:lbp-cds:problem:audit-unavailable";
    public static final String NOT_FOUND = "urn:lbp-cds:problem:not-found";
    public static final String INVALID_QUERY = "urn:lbp-cds:problem:invalid-query";
    public static final String UNAUTHORIZED = "urn:lbp-cds:problem:unauthorized";
    public static final String FORBIDDEN = "urn:lbp-cds:problem:forbidden";
    public static final String TOO_LARGE = "urn:lbp-cds:problem:too-large";
}
