package org.lbp.cds.codes;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Per enum: its constants' default codes by ordinal, and its constants by their code (as each enum defines it). */
final class CodeTables {

    static final ClassValue<String[]> LOWER_CASE = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] codes = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                codes[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return codes;
        }
    };

    static final ClassValue<Map<String, Object>> BY_CODE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byCode = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byCode.putIfAbsent(((Code) constant).code(), constant); // two constants with one code: the first declared
            }
            return Map.copyOf(byCode);
        }
    };

    private CodeTables() {
    }
}
