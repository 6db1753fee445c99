package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who performs a step. */
public enum Performer implements Code {
    SELF, PRACTITIONER, SELF_OR_PRACTITIONER;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Performer fromCode(String code) {
        return Code.parse(Performer.class, code);
    }
}
