package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Status;

/**
 * The reasons a protocol may not be given, strongest first: when several apply, the status of the lowest
 * precedence wins. The precedence is data here, not rule salience.
 *
 * <p>Hard stops come before scope and unanswered questions: a red flag answered yes is never hidden behind
 * {@code out_of_scope} or {@code insufficient_data} (the conservative reading of the catalogue, see docs/rules.md).
 */
public enum Gate {
    HARD_STOP(1, Status.STOP_REFER),
    OUT_OF_SCOPE(2, Status.OUT_OF_SCOPE),
    RED_FLAGS_UNANSWERED(3, Status.INSUFFICIENT_DATA),
    SOFT_RISK(4, Status.REFER_BEFORE_PROCEEDING),
    NON_RESPONSE(5, Status.STOP_REFER),
    MAPPING_INCOMPLETE(6, Status.INSUFFICIENT_DATA);

    private final int precedence;
    private final Status status;

    Gate(int precedence, Status status) {
        this.precedence = precedence;
        this.status = status;
    }

    public int precedence() {
        return precedence;
    }

    public Status status() {
        return status;
    }
}
