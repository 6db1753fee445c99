package org.lbp.cds.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;

/**
 * docs/rules.md is generated from the rules' metadata and must not be stale; its rule ids and the ids in rules/
 * must be the same both ways. Regenerate with {@code ./mvnw test -Dtest=RulesReferenceTest -Dlbp.rules-reference.write=true}.
 */
class RulesReferenceTest {

    static final Path REFERENCE = Path.of("docs/rules.md");
    private static final Pattern ID_HEADING = Pattern.compile("(?m)^## ([A-Z]\\d\\d)$");

    @Test
    @DisplayName("docs/rules.md is what the rules' metadata renders today")
    void referenceIsNotStale() throws IOException {
        String rendered = RulesReference.markdown(Clinic.engine().ruleset().rules());
        if (Boolean.getBoolean("lbp.rules-reference.write")) {
            Files.writeString(REFERENCE, rendered, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8) : "";
        assertEquals(rendered, committed.replace("\r\n", "\n"),
                "docs/rules.md is stale: run ./mvnw test -Dtest=RulesReferenceTest -Dlbp.rules-reference.write=true");
    }

    @Test
    @DisplayName("Every rule id in rules/ is in docs/rules.md, and every id there is in rules/")
    void idsAgreeBothWays() throws IOException {
        Set<String> inRules = new TreeSet<>();
        Clinic.engine().ruleset().rules().forEach(rule -> inRules.add(rule.id()));
        Set<String> inReference = new TreeSet<>();
        Matcher matcher = ID_HEADING.matcher(Files.readString(REFERENCE, StandardCharsets.UTF_8));
        while (matcher.find()) {
            inReference.add(matcher.group(1));
        }
        assertEquals(inRules, inReference, "rule ids: rules/ against docs/rules.md");
    }
}
