package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Immediate effect of an earlier intervention. */
public enum ImmediateEffect implements Code {
    RELIEF, NO_CHANGE, WORSE;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static ImmediateEffect fromCode(String code) {
        return Code.parse(ImmediateEffect.class, code);
    }
}
