package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the episode started. */
public enum OnsetType implements Code {
    SUDDEN, GRADUAL, UNKNOWN;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static OnsetType fromCode(String code) {
        return Code.parse(OnsetType.class, code);
    }
}
