package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Side;
import org.lbp.cds.codes.StepRegion;

/**
 * Classification: a step region made of several mapped regions (quads and hip flexors; the glutes) is imbalanced,
 * and this is the side to release, chosen by the larger sum of its sub-regions' scores.
 */
public final class SideChoice extends Explained {

    private final StepRegion region;
    private final Side side;
    private final int leftSum;
    private final int rightSum;

    public SideChoice(StepRegion region, int leftSum, int rightSum) {
        this.region = region;
        this.leftSum = leftSum;
        this.rightSum = rightSum;
        this.side = leftSum == rightSum ? null : leftSum > rightSum ? Side.LEFT : Side.RIGHT;
    }

    /** The sums of the mapped sub-regions' scores, left and right, and the side they point to. */
    public static SideChoice bySum(StepRegion region, java.util.Collection<?> scores) {
        int left = 0;
        int right = 0;
        for (Object item : scores) {
            RegionScore score = (RegionScore) item;
            left += score.score(Side.LEFT);
            right += score.score(Side.RIGHT);
        }
        return new SideChoice(region, left, right);
    }

    public StepRegion getRegion() {
        return region;
    }

    /** The side to release; null when the sums are equal (a side conflict). */
    public Side getSide() {
        return side;
    }

    public boolean isConflict() {
        return side == null;
    }

    public int getLeftSum() {
        return leftSum;
    }

    public int getRightSum() {
        return rightSum;
    }
}
