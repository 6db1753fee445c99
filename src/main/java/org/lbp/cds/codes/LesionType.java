package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Local lesions that forbid pressure on a region. */
public enum LesionType implements Code {
    OPEN_WOUND, SKIN_INFECTION, BURN, ACUTE_INFLAMMATION, TUMOUR, RECENT_SURGICAL_SITE, VARICOSITIES;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static LesionType fromCode(String code) {
        return Code.parse(LesionType.class, code);
    }
}
