package org.lbp.cds.evaluation;

import java.util.List;

import org.lbp.cds.problem.FieldError;

/** The body is not a valid intake; carries every error found. */
public class InvalidIntakeException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidIntakeException(List<FieldError> errors) {
        super("invalid intake: " + errors.size() + " error(s)");
        this.errors = errors;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
