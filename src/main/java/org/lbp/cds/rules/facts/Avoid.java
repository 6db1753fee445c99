package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.AvoidItem;
import org.lbp.cds.codes.Side;

/** Recommendation: something not to do, optionally on one region and side. */
public final class Avoid extends Explained {

    private final AvoidItem item;
    private final String region;
    private final Side side;
    private final String reason;

    public Avoid(AvoidItem item, String reason) {
        this(item, null, null, reason);
    }

    /** @param region a region code (mapped or step region), or null */
    public Avoid(AvoidItem item, String region, Side side, String reason) {
        this.item = item;
        this.region = region;
        this.side = side;
        this.reason = reason;
    }

    public AvoidItem getItem() {
        return item;
    }

    public String getRegion() {
        return region;
    }

    public Side getSide() {
        return side;
    }

    public String getReason() {
        return reason;
    }
}
