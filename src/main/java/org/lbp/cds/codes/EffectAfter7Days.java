package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Effect of an earlier intervention about a week later. */
public enum EffectAfter7Days implements Code {
    SUSTAINED_RELIEF, RE_TIGHTENED, MORE_PAIN, NO_CHANGE, UNKNOWN;

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static EffectAfter7Days fromCode(String code) {
        return Code.parse(EffectAfter7Days.class, code);
    }
}
