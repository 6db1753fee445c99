package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.Side;

/** The mapped tightness of one region, left and right (0-10, null when that side was not mapped). */
public record RegionScore(Region region, Integer left, Integer right) {

    /** Both sides scored. */
    public boolean isMapped() {
        return left != null && right != null;
    }

    /** How much tighter the tighter side is (0 when balanced or not mapped). */
    public int getDifference() {
        return isMapped() ? Math.abs(left - right) : 0;
    }

    /** The tighter side, or null when balanced or not mapped. */
    public Side getTighterSide() {
        if (!isMapped() || left.equals(right)) {
            return null;
        }
        return left > right ? Side.LEFT : Side.RIGHT;
    }

    public int getHighest() {
        return Math.max(left == null ? 0 : left, right == null ? 0 : right);
    }

    /** One side's score, null when not mapped. */
    public Integer side(Side side) {
        return side == Side.LEFT ? left : side == Side.RIGHT ? right : null;
    }

    /** Any tightness reported on either side. */
    public boolean isTightnessReported() {
        return (left != null && left > 0) || (right != null && right > 0);
    }

    public int score(Side side) {
        Integer value = side == Side.LEFT ? left : right;
        return value == null ? 0 : value;
    }
}
