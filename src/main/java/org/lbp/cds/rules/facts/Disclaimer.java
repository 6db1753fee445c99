package org.lbp.cds.rules.facts;

/** The disclaimer every protocol carries (R17). */
public final class Disclaimer extends Explained {

    private final String text;

    public Disclaimer(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }
}
