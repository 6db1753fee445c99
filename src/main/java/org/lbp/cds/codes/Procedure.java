package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Surgical history procedures. */
public enum Procedure implements Code {
    HIP_LABRAL_REPAIR, HIP_ARTHROSCOPY, TOTAL_HIP_REPLACEMENT, HIP_RESURFACING, SPINAL_SURGERY, KNEE_SURGERY, SHOULDER_SURGERY, ABDOMINAL_SURGERY, OTHER;

    /** An operation on the hip, after which the pelvis may be unstable (C03). */
    public boolean isHip() {
        return this == HIP_LABRAL_REPAIR || this == HIP_ARTHROSCOPY || this == TOTAL_HIP_REPLACEMENT || this == HIP_RESURFACING;
    }

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
