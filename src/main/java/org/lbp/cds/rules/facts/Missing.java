package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.MissingCode;

/** Recommendation: a field that must be filled before a protocol can be given. */
public final class Missing extends Explained {

    private final String field;
    private final MissingCode code;

    public Missing(String field, MissingCode code) {
        this.field = field;
        this.code = code;
    }

    public String getField() {
        return field;
    }

    public MissingCode getCode() {
        return code;
    }
}
