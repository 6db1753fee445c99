package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Region;

/** Classification: both sides of a mapped region are within the imbalance threshold of each other (R05). */
public final class Balanced extends Explained {

    private final Region region;

    public Balanced(Region region) {
        this.region = region;
    }

    public Region getRegion() {
        return region;
    }
}
