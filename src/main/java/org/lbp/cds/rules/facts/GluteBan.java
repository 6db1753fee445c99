package org.lbp.cds.rules.facts;

/** Classification: no glute work in this session (R09), with the warning code and message that say why. */
public final class GluteBan extends Explained {

    private final String code;
    private final String message;

    public GluteBan(String code, String message) {
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
