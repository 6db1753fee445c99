package org.lbp.cds.rules.facts;

/** A screening rule's finding that no protocol may be given, and why (see {@link Gate}). */
public final class StatusClaim extends Explained {

    private final Gate gate;

    public StatusClaim(Gate gate) {
        this.gate = gate;
    }

    public Gate getGate() {
        return gate;
    }
}
