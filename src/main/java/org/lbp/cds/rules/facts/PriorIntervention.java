package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.EffectAfter7Days;
import org.lbp.cds.codes.ImmediateEffect;
import org.lbp.cds.codes.Intervention;

/** Something tried before, with how it felt at once and about a week later. */
public record PriorIntervention(Intervention intervention, ImmediateEffect immediateEffect, EffectAfter7Days effectAfter7Days) {
}
