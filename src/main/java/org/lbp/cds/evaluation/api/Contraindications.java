package org.lbp.cds.evaluation.api;

import java.util.List;

import org.lbp.cds.codes.Pregnancy;

public record Contraindications(
        Boolean dvtCurrentOrSuspected,
        Boolean fractureCurrent,
        Boolean anticoagulantOrBleedingDisorder,
        Boolean severeThrombocytopenia,
        Pregnancy pregnancy,
        List<LocalLesionEntry> localLesions) {
}
