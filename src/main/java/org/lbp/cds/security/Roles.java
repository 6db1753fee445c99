package org.lbp.cds.security;

/** The roles a caller's token can carry (its {@code groups} claim). */
public final class Roles {

    /** Evaluates intakes. */
    public static final String CLINICIAN = "clinician";
    /** Reads audit records, verifies the chain, replays evaluations. */
    public static final String AUDITOR = "auditor";
    /** Operational endpoints. */
    public static final String ADMIN = "admin";

    public static final String[] ALL = {CLINICIAN, AUDITOR, ADMIN};

    private Roles() {
    }
}
