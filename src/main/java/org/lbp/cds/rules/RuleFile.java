package org.lbp.cds.rules;

/** One DRL file of the knowledge base: its name inside {@code rules/} and its text (line ends normalised to LF). */
public record RuleFile(String name, String content) {

    public RuleFile {
        content = content.replace("\r\n", "\n").replace('\r', '\n');
    }
}
