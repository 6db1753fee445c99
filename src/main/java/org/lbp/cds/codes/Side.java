package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Left or right (central only for the low back). */
public enum Side implements Code {
    LEFT, RIGHT, CENTRAL;

    /** The two sides of a limb, for rules that look at each side in turn. */
    public static final java.util.List<Side> LEFT_AND_RIGHT = java.util.List.of(LEFT, RIGHT);

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Side fromCode(String code) {
        return Code.parse(Side.class, code);
    }
}
