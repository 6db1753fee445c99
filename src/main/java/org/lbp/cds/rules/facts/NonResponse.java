package org.lbp.cds.rules.facts;

/** Flag: the protocol is not working (R12, S09). */
public final class NonResponse extends Explained {
}
