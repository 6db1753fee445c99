package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.Side;

/** Classification: one side of a mapped region is tighter by at least the imbalance threshold (R05). */
public final class Imbalance extends Explained {

    private final Region region;
    private final Side side;
    private final int difference;

    public Imbalance(RegionScore score) {
        this.region = score.region();
        this.side = score.getTighterSide();
        this.difference = score.getDifference();
    }

    public Region getRegion() {
        return region;
    }

    public Side getSide() {
        return side;
    }

    public int getDifference() {
        return difference;
    }
}
