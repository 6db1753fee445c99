package org.lbp.cds.evaluation.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.Sex;

/**
 * The intake of the contract (POST /api/v1/evaluations). Bound only after {@code IntakeValidator} accepted the
 * JSON, so every field here already has a valid type, range and code.
 */
public record Intake(
        String schemaVersion,
        String patientId,
        LocalDate encounterDate,
        Integer ageYears,
        Sex sex,
        Integer sessionNumber,
        Episode episode,
        Pain pain,
        /** Red-flag answers by key: true, false, or null (not asked yet). */
        Map<String, Boolean> redFlags,
        Contraindications contraindications,
        Boolean medicalClearance,
        List<SurgeryEntry> surgicalHistory,
        Mapping mapping,
        List<PriorInterventionEntry> priorInterventions,
        Progress progress,
        Consent consent,
        List<Region> requestedRegions,
        StartBack startBack) {
}
