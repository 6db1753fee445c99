package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Pregnancy status (contraindication screen). */
public enum Pregnancy implements Code {
    NO, YES, HIGH_RISK, UNKNOWN, NOT_APPLICABLE;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Pregnancy fromCode(String code) {
        return Code.parse(Pregnancy.class, code);
    }
}
