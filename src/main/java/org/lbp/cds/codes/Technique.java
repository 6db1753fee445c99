package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Release techniques a step may use. There is deliberately no rolling technique for the IT band, spine or low back. */
public enum Technique implements Code {
    QUAD_HIP_FLEXOR_RELEASE, ADDUCTOR_RELEASE, IT_BAND_NON_ROLLING_ALTERNATIVE, HAMSTRING_RELEASE, LAT_RELEASE, GLUTE_RELEASE, TFL_RELEASE, LOW_BACK_RELEASE_PRACTITIONER_ONLY;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Technique fromCode(String code) {
        return Code.parse(Technique.class, code);
    }
}
