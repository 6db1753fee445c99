package org.lbp.cds.rules.facts;

/** Recommendation: a next thing to consider, by code (e.g. {@code re_map_front_back}). */
public final class Recommendation extends Explained {

    private final String code;

    public Recommendation(String code) {
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
