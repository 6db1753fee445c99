package org.lbp.cds.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Regions a protocol step can target, with the rank that orders the steps of a protocol.
 *
 * <p>The order of a protocol is this data, not rule salience: the legs first (R03), in the order of R06 with the
 * hamstrings last (R08); then the lats (R13); then TFL and glutes, only after every leg step (R04, R14); the low
 * back last of all (R10).
 */
public enum StepRegion implements Code {
    QUADS_HIP_FLEXORS(1, true, Technique.QUAD_HIP_FLEXOR_RELEASE, Performer.SELF_OR_PRACTITIONER),
    ADDUCTORS(2, true, Technique.ADDUCTOR_RELEASE, Performer.SELF_OR_PRACTITIONER),
    IT_BAND(3, true, Technique.IT_BAND_NON_ROLLING_ALTERNATIVE, Performer.SELF_OR_PRACTITIONER),
    HAMSTRINGS(4, true, Technique.HAMSTRING_RELEASE, Performer.SELF_OR_PRACTITIONER),
    LATS(5, false, Technique.LAT_RELEASE, Performer.SELF_OR_PRACTITIONER),
    TFL(6, false, Technique.TFL_RELEASE, Performer.SELF_OR_PRACTITIONER),
    GLUTES(7, false, Technique.GLUTE_RELEASE, Performer.SELF_OR_PRACTITIONER),
    LOW_BACK(8, false, Technique.LOW_BACK_RELEASE_PRACTITIONER_ONLY, Performer.PRACTITIONER);

    private final int rank;
    private final boolean leg;
    private final Technique technique;
    private final Performer performer;

    StepRegion(int rank, boolean leg, Technique technique, Performer performer) {
        this.rank = rank;
        this.leg = leg;
        this.technique = technique;
        this.performer = performer;
    }

    /** Position in the protocol: lower ranks come first. */
    public int rank() {
        return rank;
    }

    public boolean isLeg() {
        return leg;
    }

    public Technique technique() {
        return technique;
    }

    public Performer performer() {
        return performer;
    }

    /** The step region that releases a single mapped region (null for regions that are never released alone). */
    public static StepRegion of(Region region) {
        return switch (region) {
            case QUADS, HIP_FLEXORS -> QUADS_HIP_FLEXORS;
            case ADDUCTORS -> ADDUCTORS;
            case IT_BAND -> IT_BAND;
            case HAMSTRINGS -> HAMSTRINGS;
            case LATS -> LATS;
            case TFL -> TFL;
            case GLUTE_MED, PIRIFORMIS, GLUTE_MAX -> GLUTES;
            case LOW_BACK -> LOW_BACK;
            case QL, CALVES -> null;
        };
    }

    @JsonValue
    @Override
    public String code() {
        return Code.super.code();
    }

    @JsonCreator
    public static StepRegion fromCode(String code) {
        return Code.parse(StepRegion.class, code);
    }
}
