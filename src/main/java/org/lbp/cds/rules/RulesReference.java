package org.lbp.cds.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules reference ({@code docs/rules.md}), rendered from the metadata of the loaded rules: catalogue id, name,
 * file, phase, what the rule decides and its source quote. Generated, never written by hand: a test fails when the
 * file in the repository differs from what this renders, and {@code GET /api/v1/rules} serves the same content.
 */
public final class RulesReference {

    /** Catalogue ids that are not DRL rules, and where they are implemented. */
    public static final Map<String, String> OUTSIDE_THE_RULES = Map.of(
            "S01", "Input validation: the intake parser (org.lbp.cds.evaluation.IntakeParser) answers 400 with every "
                    + "error before any rule runs.");

    private RulesReference() {
    }

    /** Catalogue order: R (the post), C (its comments), D, then S (safety); then by file and load order. */
    static final Comparator<RuleInfo> CATALOGUE_ORDER = Comparator
            .comparing((RuleInfo rule) -> "RCDS".indexOf(rule.id().charAt(0)))
            .thenComparing(RuleInfo::id);

    public static String markdown(List<RuleInfo> loaded) {
        List<RuleInfo> rules = new ArrayList<>(loaded);
        rules.sort(CATALOGUE_ORDER); // stable: within an id, the ruleset's own order (file, then load order)
        Map<String, List<RuleInfo>> byId = new LinkedHashMap<>();
        rules.forEach(rule -> byId.computeIfAbsent(rule.id(), id -> new ArrayList<>()).add(rule));

        StringBuilder md = new StringBuilder(32_768);
        md.append("# Rules reference\n\n")
                .append("<!-- Generated from the rules' metadata by org.lbp.cds.rules.RulesReference: do not edit by hand.\n")
                .append("     RulesReferenceTest fails when this file is stale; regenerate it with\n")
                .append("     ./mvnw test -Dtest=RulesReferenceTest -Dlbp.rules-reference.write=true -->\n\n")
                .append("Every rule of the knowledge base in `rules/`, by catalogue id (the catalogue is ")
                .append("`shared/clinical/rules.md`; the readings this project took where it was unclear are in ")
                .append("`rules/README.md`). `GET /api/v1/rules` serves the same content as JSON, or as this page with ")
                .append("`Accept: text/markdown`.\n\n")
                .append(rules.size()).append(" rules, ").append(byId.size()).append(" catalogue ids.\n\n")
                .append("Phases, in the order they run: ").append(String.join(", ", RuleEngine.PHASES))
                .append("; `always` rules hold in every case.\n\n");

        md.append("## Index\n\n| id | rules | files |\n|---|---|---|\n");
        byId.forEach((id, same) -> md.append("| [").append(id).append("](#").append(id.toLowerCase()).append(") | ")
                .append(same.size()).append(" | ")
                .append(String.join(", ", same.stream().map(rule -> "`" + rule.file() + "`").distinct().toList()))
                .append(" |\n"));
        OUTSIDE_THE_RULES.forEach((id, where) -> md.append("| ").append(id).append(" | 0 | ").append(where).append(" |\n"));

        byId.forEach((id, same) -> {
            md.append("\n## ").append(id).append("\n");
            for (RuleInfo rule : same) {
                md.append("\n### ").append(rule.name()).append("\n\n")
                        .append("- file: `").append(rule.file()).append("`, phase: ").append(rule.phase()).append("\n")
                        .append("- decides: ").append(rule.decides()).append("\n")
                        .append("- source: \"").append(rule.source()).append("\"\n");
            }
        });
        return md.toString();
    }
}
