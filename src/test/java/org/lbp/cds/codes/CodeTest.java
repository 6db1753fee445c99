package org.lbp.cds.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract's codes, now made once per enum (a table) instead of on every call: every constant of every code list
 * still has its code, and reading a code gives back its constant.
 */
class CodeTest {

    @Test
    @DisplayName("Every constant of every code list: its code is its name in lower case (MissingCode keeps its name), and reading it back gives the constant")
    void everyCodeReadsBack() throws Exception {
        List<Class<?>> lists = codeLists();
        assertTrue(lists.size() >= 20, "the code lists were found: " + lists);
        for (Class<?> list : lists) {
            for (Object constant : list.getEnumConstants()) {
                Code code = (Code) constant;
                String expected = list == MissingCode.class ? code.name() : code.name().toLowerCase(Locale.ROOT);
                assertEquals(expected, code.code(), list.getSimpleName() + "." + code.name());
                assertEquals(constant, parse(list, code.code()), "reading " + code.code() + " in " + list.getSimpleName());
            }
            assertNull(parse(list, "not_a_code"), list.getSimpleName());
            assertNull(parse(list, null), list.getSimpleName());
        }
    }

    @Test
    @DisplayName("A code in the wrong case is not read (codes are lower_snake_case in JSON)")
    void theCaseMatters() {
        assertEquals(Region.HIP_FLEXORS, Region.fromCode("hip_flexors"));
        assertNull(Region.fromCode("HIP_FLEXORS"));
        assertNull(Region.fromCode("Hip_Flexors"));
        assertEquals(MissingCode.RED_FLAG_UNANSWERED, Code.parse(MissingCode.class, "RED_FLAG_UNANSWERED"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<?> list, String code) {
        return Code.parse((Class) list, code);
    }

    /** The enums of this package that are code lists. */
    private static List<Class<?>> codeLists() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/lbp/cds/codes"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".java"))
                    .<Class<?>>map(name -> load("org.lbp.cds.codes." + name.substring(0, name.length() - ".java".length())))
                    .filter(type -> type.isEnum() && Code.class.isAssignableFrom(type))
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
