package org.lbp.cds.rules.facts;

/**
 * The configurable numbers the rules compare against, inserted as a fact so no rule hard-codes them.
 *
 * @param imbalance          points by which one side must be tighter for a region to count as imbalanced (R05)
 * @param frontBack          points between front and back of one leg for a front-back warning (R16)
 * @param stabiliserTightness score from which a stabiliser counts as tight, hence recruited (R14)
 * @param gluteBan           when glute work is banned (R09)
 */
public record Thresholds(int imbalance, int frontBack, int stabiliserTightness, GluteBanScope gluteBan) {

    /** When no glute work is given (R09). */
    public enum GluteBanScope {
        /** While an acute flare-up lasts, in any session (the catalogue's rule). */
        ACUTE_FLARE_UP,
        /** Also in every first session, flare-up or not (the post: clients got worse "in a first session"). */
        ACUTE_FLARE_UP_OR_FIRST_SESSION
    }

    public static final Thresholds DEFAULTS = new Thresholds(2, 4, 5, GluteBanScope.ACUTE_FLARE_UP);
}
