package org.lbp.cds.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.lbp.cds.codes.EffectAfter7Days;
import org.lbp.cds.codes.ImmediateEffect;
import org.lbp.cds.codes.Intervention;
import org.lbp.cds.codes.LesionType;
import org.lbp.cds.codes.MappingMethod;
import org.lbp.cds.codes.OnsetType;
import org.lbp.cds.codes.Outcome;
import org.lbp.cds.codes.PainLocation;
import org.lbp.cds.codes.PalpatedTightness;
import org.lbp.cds.codes.Pregnancy;
import org.lbp.cds.codes.Procedure;
import org.lbp.cds.codes.RedFlagKey;
import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.Sex;
import org.lbp.cds.codes.Side;
import org.lbp.cds.codes.StartBackItem9;
import org.lbp.cds.codes.SurgerySide;
import org.lbp.cds.evaluation.api.Consent;
import org.lbp.cds.evaluation.api.Contraindications;
import org.lbp.cds.evaluation.api.Episode;
import org.lbp.cds.evaluation.api.Intake;
import org.lbp.cds.evaluation.api.LocalLesionEntry;
import org.lbp.cds.evaluation.api.Mapping;
import org.lbp.cds.evaluation.api.Pain;
import org.lbp.cds.evaluation.api.PriorInterventionEntry;
import org.lbp.cds.evaluation.api.Progress;
import org.lbp.cds.evaluation.api.SideScores;
import org.lbp.cds.evaluation.api.StartBack;
import org.lbp.cds.evaluation.api.SurgeryEntry;
import org.lbp.cds.problem.FieldError;

/**
 * Turns a JSON intake into an {@link Intake}, or into the list of every error in it (S01). Types, required fields,
 * ranges, codes, patterns, unknown fields and the cross-field rules of the contract are all checked here, so that
 * malformed input never reaches the rules.
 */
public final class IntakeParser {

    /** Pseudonymous ids only: never a name, an e-mail address or a birth date. */
    static final Pattern PATIENT_ID = Pattern.compile("[A-Za-z0-9_-]{4,64}");
    static final String SCHEMA_VERSION = "1.0";
    static final int MAX_LIST = 50;

    private static final Set<String> INTAKE_FIELDS = Set.of("schemaVersion", "patientId", "encounterDate", "ageYears",
            "sex", "sessionNumber", "episode", "pain", "redFlags", "contraindications", "medicalClearance",
            "surgicalHistory", "mapping", "priorInterventions", "progress", "consent", "requestedRegions", "startBack");
    private static final Set<String> EPISODE_FIELDS = Set.of("acuteFlareUp", "newEpisode", "onsetDate", "onsetType");
    private static final Set<String> PAIN_FIELDS = Set.of("locations", "severityNow", "severityAtSession1");
    private static final Set<String> CONTRAINDICATION_FIELDS = Set.of("dvtCurrentOrSuspected", "fractureCurrent",
            "anticoagulantOrBleedingDisorder", "severeThrombocytopenia", "pregnancy", "localLesions");
    private static final Set<String> LESION_FIELDS = Set.of("region", "side", "type");
    private static final Set<String> SURGERY_FIELDS = Set.of("procedure", "side", "date");
    private static final Set<String> MAPPING_FIELDS = Set.of("method", "scores", "lowBackTightnessFelt",
            "lowBackTightnessPalpated", "shoulderImbalanceObserved");
    private static final Set<String> SIDE_FIELDS = Set.of("left", "right");
    private static final Set<String> INTERVENTION_FIELDS = Set.of("intervention", "immediateEffect", "effectAfter7Days");
    private static final Set<String> PROGRESS_FIELDS = Set.of("outcomeSinceLastSession");
    private static final Set<String> CONSENT_FIELDS = Set.of("lowBackRelease");
    private static final Set<String> START_BACK_FIELDS = Set.of("item1", "item2", "item3", "item4", "item5", "item6",
            "item7", "item8", "item9");

    /** The outcome of parsing: an intake, or the errors (never both). */
    public record Result(Intake intake, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private IntakeParser() {
    }

    /**
     * @param latestDate the latest encounter date accepted (today, in the time zone furthest ahead, so no clinic's
     *                   today is refused)
     */
    public static Result parse(JsonNode body, LocalDate latestDate) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("", FieldError.TYPE, "the body must be a JSON object (an intake)"));
            return new Result(null, errors);
        }
        JsonReader in = new JsonReader(body, "", errors);
        in.onlyFields(INTAKE_FIELDS);

        String schemaVersion = in.string("schemaVersion", true, null, null);
        if (schemaVersion != null && !SCHEMA_VERSION.equals(schemaVersion)) {
            in.error("schemaVersion", FieldError.ENUM, "must be \"" + SCHEMA_VERSION + "\"");
        }
        String patientId = in.string("patientId", true, PATIENT_ID, "^[A-Za-z0-9_-]{4,64}$ (a pseudonymous id)");
        LocalDate encounterDate = in.date("encounterDate", true);
        if (encounterDate != null && encounterDate.isAfter(latestDate)) {
            in.error("encounterDate", FieldError.OUT_OF_RANGE, "must not be after today");
        }
        Integer ageYears = in.integer("ageYears", true, 0, 120);
        Sex sex = in.code("sex", false, Sex.class);
        Integer sessionNumber = in.integer("sessionNumber", true, 1, 100);

        Episode episode = episode(in.object("episode", true), encounterDate);
        Pain pain = pain(in.object("pain", true), sessionNumber);
        Map<String, Boolean> redFlags = redFlags(in.object("redFlags", true));
        Contraindications contraindications = contraindications(in.object("contraindications", true));
        Boolean medicalClearance = in.bool("medicalClearance", false);
        List<SurgeryEntry> surgeries = surgeries(in, encounterDate);
        Mapping mapping = mapping(in.object("mapping", true));
        List<PriorInterventionEntry> interventions = interventions(in);
        Progress progress = progress(in.object("progress", true), sessionNumber);
        Consent consent = consent(in.object("consent", false));
        List<Region> requestedRegions = requestedRegions(in);
        StartBack startBack = startBack(in.object("startBack", false));

        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new Intake(schemaVersion, patientId, encounterDate, ageYears, sex, sessionNumber, episode, pain,
                redFlags, contraindications, medicalClearance, surgeries, mapping, interventions, progress, consent,
                requestedRegions, startBack), List.of());
    }

    private static Episode episode(JsonReader in, LocalDate encounterDate) {
        if (in == null) {
            return null;
        }
        in.onlyFields(EPISODE_FIELDS);
        Boolean acuteFlareUp = in.bool("acuteFlareUp", true);
        Boolean newEpisode = in.bool("newEpisode", true);
        LocalDate onsetDate = in.date("onsetDate", false);
        if (onsetDate != null && encounterDate != null && onsetDate.isAfter(encounterDate)) {
            in.error(in.path("onsetDate"), FieldError.INCONSISTENT, "must not be after encounterDate");
        }
        OnsetType onsetType = in.code("onsetType", false, OnsetType.class);
        return new Episode(acuteFlareUp, newEpisode, onsetDate, onsetType);
    }

    private static Pain pain(JsonReader in, Integer sessionNumber) {
        if (in == null) {
            return null;
        }
        in.onlyFields(PAIN_FIELDS);
        List<PainLocation> locations = null;
        List<JsonNode> items = in.array("locations", true, 1, PainLocation.values().length);
        if (items != null) {
            locations = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                PainLocation location = in.codeAt(items.get(i), in.path("locations") + "[" + i + "]", PainLocation.class);
                if (location != null && !locations.contains(location)) {
                    locations.add(location);
                }
            }
        }
        Integer severityNow = in.integer("severityNow", true, 0, 10);
        boolean laterSession = sessionNumber != null && sessionNumber > 1;
        Integer severityAtSession1 = in.integer("severityAtSession1", false, 0, 10);
        if (laterSession && !in.has("severityAtSession1")) {
            in.error(in.path("severityAtSession1"), FieldError.REQUIRED, "required when sessionNumber is more than 1");
        }
        return new Pain(locations, severityNow, severityAtSession1);
    }

    private static Map<String, Boolean> redFlags(JsonReader in) {
        if (in == null) {
            return null;
        }
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (RedFlagKey key : RedFlagKey.values()) {
            answers.put(key.key(), null);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = in.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = in.path(field.getKey());
            if (RedFlagKey.fromKey(field.getKey()) == null) {
                in.error(path, FieldError.UNKNOWN_FIELD, "unknown red flag");
            } else if (field.getValue().isBoolean()) {
                answers.put(field.getKey(), field.getValue().booleanValue());
            } else if (!field.getValue().isNull()) {
                in.error(path, FieldError.TYPE, "must be true, false or null (not asked yet)");
            }
        }
        return answers;
    }

    private static Contraindications contraindications(JsonReader in) {
        if (in == null) {
            return null;
        }
        in.onlyFields(CONTRAINDICATION_FIELDS);
        Boolean dvt = in.bool("dvtCurrentOrSuspected", true);
        Boolean fracture = in.bool("fractureCurrent", true);
        Boolean anticoagulant = in.bool("anticoagulantOrBleedingDisorder", true);
        Boolean thrombocytopenia = in.bool("severeThrombocytopenia", false);
        Pregnancy pregnancy = in.code("pregnancy", true, Pregnancy.class);
        List<LocalLesionEntry> lesions = new ArrayList<>();
        List<JsonNode> items = in.array("localLesions", false, 0, MAX_LIST);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                JsonReader item = in.element("localLesions", i, items.get(i));
                if (item != null) {
                    item.onlyFields(LESION_FIELDS);
                    Region region = item.code("region", true, Region.class);
                    Side side = item.code("side", true, Side.class);
                    if (side == Side.CENTRAL && region != null && region != Region.LOW_BACK) {
                        item.error(item.path("side"), FieldError.INCONSISTENT, "central is only for the low back");
                    }
                    lesions.add(new LocalLesionEntry(region, side, item.code("type", true, LesionType.class)));
                }
            }
        }
        return new Contraindications(dvt, fracture, anticoagulant, thrombocytopenia, pregnancy, lesions);
    }

    private static List<SurgeryEntry> surgeries(JsonReader in, LocalDate encounterDate) {
        List<SurgeryEntry> surgeries = new ArrayList<>();
        List<JsonNode> items = in.array("surgicalHistory", false, 0, MAX_LIST);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                JsonReader item = in.element("surgicalHistory", i, items.get(i));
                if (item != null) {
                    item.onlyFields(SURGERY_FIELDS);
                    Procedure procedure = item.code("procedure", true, Procedure.class);
                    SurgerySide side = item.code("side", true, SurgerySide.class);
                    LocalDate date = item.date("date", false);
                    if (date != null && encounterDate != null && date.isAfter(encounterDate)) {
                        item.error(item.path("date"), FieldError.INCONSISTENT, "must not be after encounterDate");
                    }
                    surgeries.add(new SurgeryEntry(procedure, side, date));
                }
            }
        }
        return surgeries;
    }

    private static Mapping mapping(JsonReader in) {
        if (in == null) {
            return null;
        }
        in.onlyFields(MAPPING_FIELDS);
        MappingMethod method = in.code("method", true, MappingMethod.class);
        Map<String, SideScores> scores = null;
        JsonReader scoresIn = in.object("scores", true);
        if (scoresIn != null) {
            scores = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = scoresIn.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (Region.fromCode(field.getKey()) == null) {
                    scoresIn.error(scoresIn.path(field.getKey()), FieldError.UNKNOWN_FIELD, "unknown region");
                    continue;
                }
                JsonReader sides = scoresIn.object(field.getKey(), false);
                if (sides == null) {
                    if (field.getValue().isNull()) {
                        scores.put(field.getKey(), new SideScores(null, null));
                    }
                    continue;
                }
                sides.onlyFields(SIDE_FIELDS);
                scores.put(field.getKey(), new SideScores(sides.integer("left", false, 0, 10),
                        sides.integer("right", false, 0, 10)));
            }
            for (Region region : Region.values()) {
                if (region.isLeg() && !scoresIn.has(region.code()) && !scores.containsKey(region.code())) {
                    scoresIn.error(scoresIn.path(region.code()), FieldError.REQUIRED,
                            "the five leg regions are required (a side not mapped is null)");
                }
            }
        }
        Integer felt = in.integer("lowBackTightnessFelt", false, 0, 10);
        PalpatedTightness palpated = in.code("lowBackTightnessPalpated", false, PalpatedTightness.class);
        Boolean shoulder = in.bool("shoulderImbalanceObserved", false);
        return new Mapping(method, scores, felt, palpated == null ? PalpatedTightness.NONE : palpated, shoulder);
    }

    private static List<PriorInterventionEntry> interventions(JsonReader in) {
        List<PriorInterventionEntry> interventions = new ArrayList<>();
        List<JsonNode> items = in.array("priorInterventions", false, 0, MAX_LIST);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                JsonReader item = in.element("priorInterventions", i, items.get(i));
                if (item != null) {
                    item.onlyFields(INTERVENTION_FIELDS);
                    interventions.add(new PriorInterventionEntry(item.code("intervention", true, Intervention.class),
                            item.code("immediateEffect", true, ImmediateEffect.class),
                            item.code("effectAfter7Days", true, EffectAfter7Days.class)));
                }
            }
        }
        return interventions;
    }

    private static Progress progress(JsonReader in, Integer sessionNumber) {
        if (in == null) {
            return null;
        }
        in.onlyFields(PROGRESS_FIELDS);
        Outcome outcome = in.code("outcomeSinceLastSession", true, Outcome.class);
        if (outcome != null && sessionNumber != null && (outcome == Outcome.FIRST_SESSION) != (sessionNumber == 1)) {
            in.error(in.path("outcomeSinceLastSession"), FieldError.INCONSISTENT,
                    "first_session exactly when sessionNumber is 1");
        }
        return new Progress(outcome);
    }

    private static Consent consent(JsonReader in) {
        if (in == null) {
            return new Consent(false);
        }
        in.onlyFields(CONSENT_FIELDS);
        Boolean lowBackRelease = in.bool("lowBackRelease", false);
        return new Consent(lowBackRelease != null && lowBackRelease);
    }

    private static List<Region> requestedRegions(JsonReader in) {
        List<Region> regions = new ArrayList<>();
        List<JsonNode> items = in.array("requestedRegions", false, 0, Region.values().length);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                Region region = in.codeAt(items.get(i), in.path("requestedRegions") + "[" + i + "]", Region.class);
                if (region != null && !regions.contains(region)) {
                    regions.add(region);
                }
            }
        }
        return regions;
    }

    private static StartBack startBack(JsonReader in) {
        if (in == null) {
            return null;
        }
        in.onlyFields(START_BACK_FIELDS);
        Boolean[] items = new Boolean[8];
        for (int i = 0; i < 8; i++) {
            items[i] = in.bool("item" + (i + 1), true);
        }
        StartBackItem9 item9 = in.code("item9", true, StartBackItem9.class);
        return new StartBack(items[0], items[1], items[2], items[3], items[4], items[5], items[6], items[7], item9);
    }
}
