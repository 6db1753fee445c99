package org.lbp.cds.rules.facts;

/**
 * The configurable numbers the rules compare against, inserted as a fact so no rule hard-codes them.
 *
 * @param imbalance          points by which one side must be tighter for a region to count as imbalanced (R05)
 * @param frontBack          points between front and back of one leg for a front-back warning (R16)
 * @param stabiliserTightness score from which a stabiliser counts as tight, hence recruited (R14)
 */
public record Thresholds(int imbalance, int frontBack, int stabiliserTightness) {

    public static final Thresholds DEFAULTS = new Thresholds(2, 4, 5);
}
