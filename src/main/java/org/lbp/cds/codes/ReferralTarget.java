package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a referral sends the patient. */
public enum ReferralTarget implements Code {
    EMERGENCY_DEPARTMENT, GP_OR_PHYSICIAN, SURGEON, PHYSIOTHERAPIST, QUALIFIED_PRACTITIONER;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static ReferralTarget fromCode(String code) {
        return Code.parse(ReferralTarget.class, code);
    }
}
