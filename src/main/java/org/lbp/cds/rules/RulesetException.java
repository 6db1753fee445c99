package org.lbp.cds.rules;

/** The ruleset cannot be loaded or compiled; the message names the file, line and column of every error. */
public class RulesetException extends RuntimeException {

    public RulesetException(String message) {
        super(message);
    }
}
