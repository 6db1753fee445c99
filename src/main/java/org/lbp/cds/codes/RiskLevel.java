package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** STarT Back risk group. */
public enum RiskLevel implements Code {
    LOW, MEDIUM, HIGH;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static RiskLevel fromCode(String code) {
        return Code.parse(RiskLevel.class, code);
    }
}
