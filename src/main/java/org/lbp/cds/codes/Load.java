package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Dose load of a step. */
public enum Load implements Code {
    AS_MUCH_AS_FEELS_SAFE, LIGHT_ONLY;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Load fromCode(String code) {
        return Code.parse(Load.class, code);
    }
}
