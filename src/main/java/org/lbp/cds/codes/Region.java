package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Regions of the left/right map.
 *
 * <p>{@code releasable}: a region whose imbalance can lead to a release step (the legs, the lats, TFL and the
 * glutes). The QL and the low back are mapped but never released for an imbalance (R01, R14), the calves are
 * mapped for information only. {@code leg}: the five leg regions of the catalogue, which C01 requires mapped.
 */
public enum Region implements Code {
    QUADS(true, true, false),
    HIP_FLEXORS(true, true, false),
    ADDUCTORS(true, true, false),
    IT_BAND(true, true, false),
    TFL(false, true, true),
    HAMSTRINGS(true, true, false),
    GLUTE_MED(false, true, true),
    PIRIFORMIS(false, true, true),
    GLUTE_MAX(false, true, true),
    QL(false, false, true),
    LOW_BACK(false, false, false),
    LATS(false, true, false),
    CALVES(false, false, false);

    private final boolean leg;
    private final boolean releasable;
    private final boolean stabiliser;

    Region(boolean leg, boolean releasable, boolean stabiliser) {
        this.leg = leg;
        this.releasable = releasable;
        this.stabiliser = stabiliser;
    }

    /** One of the five leg regions (the drivers). */
    public boolean isLeg() {
        return leg;
    }

    /** An imbalance here can lead to a release step. */
    public boolean isReleasable() {
        return releasable;
    }

    /** A small muscle the brain recruits to stabilise the pelvis (QL, glute med, piriformis, TFL, glute max). */
    public boolean isStabiliser() {
        return stabiliser;
    }

    /** The glute sub-regions that together make the {@code glutes} step region. */
    public boolean isGlute() {
        return this == GLUTE_MED || this == PIRIFORMIS || this == GLUTE_MAX;
    }

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static Region fromCode(String code) {
        return Code.parse(Region.class, code);
    }
}
