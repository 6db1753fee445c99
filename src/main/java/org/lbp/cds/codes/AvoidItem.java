package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Things a protocol tells the practitioner not to do. */
public enum AvoidItem implements Code {
    FOAM_ROLL_LOW_BACK, ROLL_SPINE_OR_LOWER_RIBS, FOAM_ROLL_IT_BAND, BILATERAL_EQUAL_RELEASE, GLUTE_WORK_THIS_SESSION, DIRECT_LOW_BACK_RELEASE, PRESSURE_ON_LOCAL_LESION, WEIGHTED_LOADING;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static AvoidItem fromCode(String code) {
        return Code.parse(AvoidItem.class, code);
    }
}
