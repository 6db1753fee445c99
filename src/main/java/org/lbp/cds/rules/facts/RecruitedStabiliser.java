package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Region;

/** Classification: a stabiliser is tight, so the brain has probably recruited it to guard the pelvis (R14). */
public final class RecruitedStabiliser extends Explained {

    private final Region region;

    public RecruitedStabiliser(Region region) {
        this.region = region;
    }

    public Region getRegion() {
        return region;
    }
}
