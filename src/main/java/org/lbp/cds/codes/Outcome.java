package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Outcome since the last session. */
public enum Outcome implements Code {
    FIRST_SESSION, RESOLVED, BETTER, SAME, WORSE, PLATEAUED;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Outcome fromCode(String code) {
        return Code.parse(Outcome.class, code);
    }
}
