package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Protocol status. */
public enum Status implements Code {
    OK, STOP_REFER, REFER_BEFORE_PROCEEDING, INSUFFICIENT_DATA, OUT_OF_SCOPE;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Status fromCode(String code) {
        return Code.parse(Status.class, code);
    }
}
