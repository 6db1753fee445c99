package org.lbp.cds.rules.facts;

/** Recommendation: something the practitioner must know, by code, with a plain-language message. */
public final class Warning extends Explained {

    private final String code;
    private final String message;

    public Warning(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String getCode() {
        return code;
    }

    public String getMessage() {
        return message;
    }
}
