package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Patient sex as recorded on the intake. */
public enum Sex implements Code {
    FEMALE, MALE, OTHER, UNKNOWN;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Sex fromCode(String code) {
        return Code.parse(Sex.class, code);
    }
}
