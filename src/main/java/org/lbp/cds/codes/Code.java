package org.lbp.cds.codes;

import java.util.Locale;

/**
 * A value of the contract's code lists: Java constants in UPPER_SNAKE_CASE, JSON codes in lower_snake_case.
 */
public interface Code {

    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose code is {@code code}, or null when there is none. */
    static <E extends Enum<E> & Code> E parse(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        return null;
    }
}
