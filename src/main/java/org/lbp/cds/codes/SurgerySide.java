package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Side of a past surgery. */
public enum SurgerySide implements Code {
    LEFT, RIGHT, BILATERAL, NOT_APPLICABLE;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static SurgerySide fromCode(String code) {
        return Code.parse(SurgerySide.class, code);
    }
}
