package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Earlier interventions the patient reports. */
public enum Intervention implements Code {
    FOAM_ROLL_LOW_BACK, LOW_BACK_RELEASE_PRACTITIONER, GLUTE_RELEASE, QL_RELEASE, IT_BAND_ROLLING, LEG_RELEASE, SPINE_DEVICE, LAT_RELEASE, STRETCHING, OTHER;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Intervention fromCode(String code) {
        return Code.parse(Intervention.class, code);
    }
}
