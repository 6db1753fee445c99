package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** STarT Back item 9 (bothersomeness). */
public enum StartBackItem9 implements Code {
    NOT_AT_ALL, SLIGHTLY, MODERATELY, VERY_MUCH, EXTREMELY;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static StartBackItem9 fromCode(String code) {
        return Code.parse(StartBackItem9.class, code);
    }
}
