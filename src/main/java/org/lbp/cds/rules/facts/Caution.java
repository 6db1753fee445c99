package org.lbp.cds.rules.facts;

/** Classification: a reason to cap the dose of every step to light loading (S07), by warning code. */
public final class Caution extends Explained {

    private final String code;

    public Caution(String code) {
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
