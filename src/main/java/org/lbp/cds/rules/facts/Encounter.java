package org.lbp.cds.rules.facts;

import java.util.Set;

import org.lbp.cds.codes.MappingMethod;
import org.lbp.cds.codes.Outcome;
import org.lbp.cds.codes.PainLocation;
import org.lbp.cds.codes.PalpatedTightness;

/**
 * The patient and this session, as the rules see them: one per evaluation.
 *
 * <p>Dates are already turned into numbers relative to the encounter date, so rules never read a clock.
 */
public record Encounter(
        int ageYears,
        int sessionNumber,
        boolean acuteFlareUp,
        boolean newEpisode,
        Integer daysSinceOnset,
        Set<PainLocation> painLocations,
        int severityNow,
        Integer severityAtSession1,
        Outcome outcome,
        MappingMethod mappingMethod,
        Integer lowBackTightnessFelt,
        PalpatedTightness lowBackTightnessPalpated,
        boolean shoulderImbalanceObserved,
        boolean consentLowBackRelease,
        boolean medicalClearance) {

    public boolean isLowBackPain() {
        return painLocations.contains(PainLocation.LOW_BACK);
    }
}
