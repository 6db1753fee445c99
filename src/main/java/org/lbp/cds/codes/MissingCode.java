package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a field is reported missing. The contract spells these codes in UPPER_SNAKE_CASE, like warning codes. */
public enum MissingCode implements Code {
    RED_FLAG_UNANSWERED, MAPPING_INCOMPLETE;

    @JsonValue
    @Override
    public String code() {
        return name();
    }

    @JsonCreator
    public static MissingCode fromCode(String code) {
        return Code.parse(MissingCode.class, code);
    }
}
