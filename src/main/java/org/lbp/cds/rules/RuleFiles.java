package org.lbp.cds.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which DRL file declares each rule, and where in it: read from the DRL text itself, so that the description of
 * a rule is the same whether its knowledge base was compiled from DRL or loaded from the executable model (whose
 * rules do not keep their source file).
 */
final class RuleFiles {

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, String> files = new HashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();

    static RuleFiles of(RulesetSource source) {
        RuleFiles index = new RuleFiles();
        for (RuleFile file : source.files()) {
            Matcher rule = RULE.matcher(file.content());
            int position = 0;
            while (rule.find()) {
                String name = rule.group(1).replace("\\\"", "\"");
                index.files.put(name, "rules/" + file.name());
                index.positions.put(name, position++);
            }
        }
        return index;
    }

    /** The file under {@code rules/} that declares the rule, or {@code ?}. */
    String fileOf(String ruleName) {
        return files.getOrDefault(ruleName, "?");
    }

    /** The rule's position among the rules of its file. */
    int positionOf(String ruleName) {
        return positions.getOrDefault(ruleName, Integer.MAX_VALUE);
    }
}
