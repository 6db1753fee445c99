package org.lbp.cds.problem;

/**
 * One invalid field of a request.
 *
 * @param field a path such as {@code pain.severityNow}, {@code mapping.scores.quads.left} or {@code surgicalHistory[0].side}
 * @param code  {@code required}, {@code type}, {@code out_of_range}, {@code enum}, {@code pattern}, {@code unknown_field}
 *              or {@code inconsistent}
 */
public record FieldError(String field, String code, String message) {

    public static final String REQUIRED = "required";
    public static final String TYPE = "type";
    public static final String OUT_OF_RANGE = "out_of_range";
    public static final String ENUM = "enum";
    public static final String PATTERN = "pattern";
    public static final String UNKNOWN_FIELD = "unknown_field";
    public static final String INCONSISTENT = "inconsistent";
}
