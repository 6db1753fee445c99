package org.lbp.cds.codes;

/**
 * A value of the contract's code lists: Java constants in UPPER_SNAKE_CASE, JSON codes in lower_snake_case. Every
 * implementation is an enum. The codes are made once per enum, not on every call: they are written into every
 * response, audit record and explanation, and read from every intake.
 */
public interface Code {

    String name();

    default String code() {
        Enum<?> constant = (Enum<?>) this;
        return CodeTables.LOWER_CASE.get(constant.getDeclaringClass())[constant.ordinal()];
    }

    /** The constant whose code is {@code code}, or null when there is none. */
    static <E extends Enum<E> & Code> E parse(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        return type.cast(CodeTables.BY_CODE.get(type).get(code));
    }
}
