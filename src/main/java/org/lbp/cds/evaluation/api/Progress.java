package org.lbp.cds.evaluation.api;

import org.lbp.cds.codes.Outcome;

public record Progress(Outcome outcomeSinceLastSession) {
}
