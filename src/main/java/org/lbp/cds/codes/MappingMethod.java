package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the left/right map was obtained. */
public enum MappingMethod implements Code {
    PRACTITIONER_PALPATION, SELF_ASSESSMENT;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static MappingMethod fromCode(String code) {
        return Code.parse(MappingMethod.class, code);
    }
}
