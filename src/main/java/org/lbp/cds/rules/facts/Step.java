package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Load;
import org.lbp.cds.codes.Performer;
import org.lbp.cds.codes.Side;
import org.lbp.cds.codes.StepRegion;
import org.lbp.cds.codes.Technique;

/**
 * Recommendation: release one region on one side. Its place in the protocol is its region's rank (data), and its
 * technique and performer come from the region unless a rule sets them.
 */
public final class Step extends Explained {

    private final StepRegion region;
    private final Side side;
    private final String rationale;
    private Technique technique;
    private Performer performer;
    private Load load = Load.AS_MUCH_AS_FEELS_SAFE;
    private boolean recheckAfter = true;

    public Step(StepRegion region, Side side, String rationale) {
        this.region = region;
        this.side = side;
        this.rationale = rationale;
        this.technique = region.technique();
        this.performer = region.performer();
    }

    public StepRegion getRegion() {
        return region;
    }

    public Side getSide() {
        return side;
    }

    public int getRank() {
        return region.rank();
    }

    public boolean isLeg() {
        return region.isLeg();
    }

    public String getRationale() {
        return rationale;
    }

    public Technique getTechnique() {
        return technique;
    }

    public void setTechnique(Technique technique) {
        this.technique = technique;
    }

    public Performer getPerformer() {
        return performer;
    }

    public void setPerformer(Performer performer) {
        this.performer = performer;
    }

    public Load getLoad() {
        return load;
    }

    public void setLoad(Load load) {
        this.load = load;
    }

    public boolean isRecheckAfter() {
        return recheckAfter;
    }

    public void setRecheckAfter(boolean recheckAfter) {
        this.recheckAfter = recheckAfter;
    }
}
