package org.lbp.cds.evaluation.api;

import org.lbp.cds.codes.EffectAfter7Days;
import org.lbp.cds.codes.ImmediateEffect;
import org.lbp.cds.codes.Intervention;

public record PriorInterventionEntry(Intervention intervention, ImmediateEffect immediateEffect, EffectAfter7Days effectAfter7Days) {
}
