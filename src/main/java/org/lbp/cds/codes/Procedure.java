package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Surgical history procedures. */
public enum Procedure implements Code {
    HIP_LABRAL_REPAIR, HIP_ARTHROSCOPY, TOTAL_HIP_REPLACEMENT, HIP_RESURFACING, SPINAL_SURGERY, KNEE_SURGERY, SHOULDER_SURGERY, ABDOMINAL_SURGERY, OTHER;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Procedure fromCode(String code) {
        return Code.parse(Procedure.class, code);
    }
}
