package org.lbp.cds.security;

import io.quarkus.security.identity.SecurityIdentity;

/** The name recorded for a caller: the token's subject (upn), or {@code anonymous}. */
public final class Callers {

    public static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    public static String name(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return ANONYMOUS;
        }
        String name = identity.getPrincipal().getName();
        return name == null || name.isBlank() ? ANONYMOUS : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
