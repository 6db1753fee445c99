package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Low-back tightness found on palpation. */
public enum PalpatedTightness implements Code {
    NONE, MILD, MODERATE, MAJOR;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static PalpatedTightness fromCode(String code) {
        return Code.parse(PalpatedTightness.class, code);
    }
}
