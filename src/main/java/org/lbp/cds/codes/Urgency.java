package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Referral urgency, most urgent first. */
public enum Urgency implements Code {
    EMERGENCY, URGENT, SOON, ROUTINE;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Urgency fromCode(String code) {
        return Code.parse(Urgency.class, code);
    }
}
