package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where the patient reports pain. */
public enum PainLocation implements Code {
    LOW_BACK, BUTTOCK, HIP, GROIN, THIGH, KNEE, LEG_BELOW_KNEE, FOOT, THORACIC, NECK, SHOULDER, OTHER;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static PainLocation fromCode(String code) {
        return Code.parse(PainLocation.class, code);
    }
}
