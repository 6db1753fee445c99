package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Pregnancy;

/** The contraindication screen of the intake. */
public record Contraindications(
        boolean dvtCurrentOrSuspected,
        boolean fractureCurrent,
        boolean anticoagulantOrBleedingDisorder,
        boolean severeThrombocytopenia,
        Pregnancy pregnancy) {
}
