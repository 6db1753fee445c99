package org.lbp.cds.evaluation;

import org.lbp.cds.rules.facts.Thresholds;
import org.lbp.cds.rules.facts.Thresholds.GluteBanScope;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The configurable thresholds of the rules ({@code lbp.thresholds.*}), inserted as a fact in every evaluation. */
@ConfigMapping(prefix = "lbp.thresholds")
public interface ThresholdsConfig {

    /** Points by which one side must be tighter for a region to be imbalanced (R05). */
    @WithDefault("2")
    int imbalance();

    /** Points between the front and the back of one leg for a front-back warning (R16). */
    @WithDefault("4")
    int frontBack();

    /** Score from which a stabiliser (QL, glute med, piriformis, TFL, glute max) counts as tight (R14). */
    @WithDefault("5")
    int stabiliserTightness();

    /**
     * When glute work is banned (R09): {@code acute-flare-up} (the catalogue: while a flare-up lasts) or
     * {@code acute-flare-up-or-first-session} (also in every first session, the more cautious reading of the post).
     */
    @WithDefault("acute-flare-up")
    GluteBanScope gluteBanScope();

    /** The fact the rules read. */
    default Thresholds asFact() {
        return new Thresholds(imbalance(), frontBack(), stabiliserTightness(), gluteBanScope());
    }
}
