package org.lbp.cds.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import org.lbp.cds.codes.RedFlagKey;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * A valid intake drawn at random for the property tests, built from parts jqwik can shrink one by one, so that a
 * failing intake is reported as the smallest one that still fails. {@link #toString()} is the intake's JSON.
 *
 * <p>The distributions are chosen so that every status and every rule is reached in a few thousand tries: red flags
 * are mostly answered no, scores mostly differ by 0 or 1 point (balanced), sometimes by more.
 */
public record GeneratedIntake(Patient patient, Safety safety, Mapping mapping, History history, Thresholds thresholds,
        Profile profile) {

    public static final LocalDate ENCOUNTER = LocalDate.of(2026, 11, 20);
    static final List<String> LEG = List.of("quads", "hip_flexors", "adductors", "it_band", "hamstrings");
    static final List<String> OTHER = List.of("tfl", "glute_med", "piriformis", "glute_max", "ql", "low_back", "lats", "calves");
    static final List<String> ALL_REGIONS = List.of("quads", "hip_flexors", "adductors", "it_band", "tfl", "hamstrings",
            "glute_med", "piriformis", "glute_max", "ql", "low_back", "lats", "calves");

    public enum Answer { NO, YES, NULL, MISSING }

    public record Patient(int age, int session, String outcome, boolean flareUp, boolean newEpisode, Integer onsetDaysBefore,
            List<String> locations, int severityNow, int severityAtSession1) {
    }

    public record Lesion(String region, String side, String type) {
    }

    public record Surgery(String procedure, String side, Integer weeksBefore) {
    }

    public record Safety(List<Answer> redFlags, boolean dvt, boolean fracture, boolean anticoagulant, Boolean thrombocytopenia,
            String pregnancy, List<Lesion> lesions, Boolean clearance, List<Surgery> surgeries) {
    }

    /** Scores: region → [left, right], a side null when not mapped. */
    public record Mapping(String method, Map<String, Integer[]> scores, Integer felt, String palpated, Boolean shoulder) {
    }

    public record Prior(String intervention, String immediate, String after7Days) {
    }

    public record History(List<Prior> priors, Boolean consent, List<String> requested, List<Boolean> startBack, String item9) {
    }

    // ---- arbitraries

    /**
     * Most intakes are drawn freely; a few are shaped towards the rare cases the free draw almost never reaches
     * (the low-back exception, a glute side conflict, a stabiliser step left alone by a lesion), the rest of the
     * intake staying random.
     */
    public enum Profile {
        FREE, LOW_BACK_EXCEPTION, GLUTE_SIDE_CONFLICT, STABILISER_LEFT_ALONE, TIER1_SIDE_CONFLICT, FRAGILITY_AND_TRAUMA,
        FRAGILITY_CLEARED;

        GeneratedIntake apply(GeneratedIntake intake) {
            Patient p = intake.patient;
            Safety s = intake.safety;
            Mapping m = intake.mapping;
            History h = intake.history;
            switch (this) {
                case FREE -> {
                    return intake;
                }
                case LOW_BACK_EXCEPTION -> {
                    Map<String, Integer[]> balanced = new java.util.LinkedHashMap<>();
                    m.scores.forEach((region, sides) -> balanced.put(region, new Integer[] {sides[0], sides[0]}));
                    p = new Patient(p.age, Math.max(2, p.session), "better", false, p.newEpisode, p.onsetDaysBefore,
                            p.locations, Math.min(p.severityNow, p.severityAtSession1), p.severityAtSession1);
                    m = new Mapping("practitioner_palpation", balanced, m.felt, "major", m.shoulder);
                    h = new History(h.priors, true, h.requested, h.startBack, h.item9);
                }
                case GLUTE_SIDE_CONFLICT -> {
                    Map<String, Integer[]> scores = new java.util.LinkedHashMap<>(m.scores);
                    scores.put("quads", new Integer[] {7, 4});
                    scores.put("glute_med", new Integer[] {7, 4});
                    scores.put("piriformis", new Integer[] {4, 7});
                    scores.remove("glute_max");
                    m = new Mapping(m.method, scores, m.felt, m.palpated, m.shoulder);
                    p = new Patient(p.age, p.session, p.outcome, false, p.newEpisode, p.onsetDaysBefore, p.locations,
                            p.severityNow, p.severityAtSession1);
                }
                case STABILISER_LEFT_ALONE -> {
                    Map<String, Integer[]> scores = new java.util.LinkedHashMap<>();
                    m.scores.forEach((region, sides) -> scores.put(region, new Integer[] {sides[0], sides[0]}));
                    scores.put("adductors", new Integer[] {7, 4});
                    scores.put("tfl", new Integer[] {7, 4});
                    m = new Mapping(m.method, scores, m.felt, m.palpated, m.shoulder);
                    List<Lesion> lesions = new java.util.ArrayList<>(s.lesions);
                    lesions.add(new Lesion("adductors", "left", "open_wound"));
                    s = new Safety(s.redFlags, s.dvt, s.fracture, s.anticoagulant, s.thrombocytopenia, s.pregnancy,
                            List.copyOf(lesions), s.clearance, s.surgeries);
                }
                case TIER1_SIDE_CONFLICT -> {
                    Map<String, Integer[]> scores = new java.util.LinkedHashMap<>(m.scores);
                    scores.put("quads", new Integer[] {7, 4});
                    scores.put("hip_flexors", new Integer[] {4, 7});
                    m = new Mapping(m.method, scores, m.felt, m.palpated, m.shoulder);
                }
                case FRAGILITY_AND_TRAUMA -> s = withFlags(s, s.clearance, RedFlagKey.OSTEOPOROSIS, RedFlagKey.MINOR_TRAUMA_OR_STRAIN);
                case FRAGILITY_CLEARED -> s = withFlags(s, true, RedFlagKey.LONG_TERM_CORTICOSTEROIDS);
            }
            return new GeneratedIntake(p, s, m, h, intake.thresholds, this);
        }

        private static Safety withFlags(Safety s, Boolean clearance, RedFlagKey... yes) {
            List<Answer> flags = new java.util.ArrayList<>(s.redFlags);
            for (RedFlagKey key : yes) {
                flags.set(key.ordinal(), Answer.YES);
            }
            return new Safety(List.copyOf(flags), s.dvt, s.fracture, s.anticoagulant, s.thrombocytopenia, s.pregnancy,
                    s.lesions, clearance, s.surgeries);
        }
    }

    public static Arbitrary<GeneratedIntake> intakes() {
        Arbitrary<Profile> profile = Arbitraries.frequency(Tuple.of(58, Profile.FREE), Tuple.of(8, Profile.LOW_BACK_EXCEPTION),
                Tuple.of(8, Profile.GLUTE_SIDE_CONFLICT), Tuple.of(8, Profile.STABILISER_LEFT_ALONE),
                Tuple.of(6, Profile.TIER1_SIDE_CONFLICT), Tuple.of(6, Profile.FRAGILITY_AND_TRAUMA),
                Tuple.of(6, Profile.FRAGILITY_CLEARED));
        Arbitrary<Thresholds> thresholds = Arbitraries.frequency(Tuple.of(80, Thresholds.DEFAULTS),
                Tuple.of(10, new Thresholds(2, 4, 5, Thresholds.GluteBanScope.ACUTE_FLARE_UP_OR_FIRST_SESSION)),
                Tuple.of(10, new Thresholds(3, 3, 6, Thresholds.GluteBanScope.ACUTE_FLARE_UP)));
        return Combinators.combine(patientParts(), safetyParts(), mappingParts(), historyParts(), thresholds, profile)
                .as((p, s, m, h, t, prof) -> prof.apply(new GeneratedIntake(p, s, m, h, t, Profile.FREE)));
    }

    static Arbitrary<Patient> patientParts() {
        Arbitrary<Integer> age = Arbitraries.frequencyOf(
                Tuple.of(95, Arbitraries.integers().between(16, 90)), Tuple.of(5, Arbitraries.integers().between(0, 15)));
        Arbitrary<Integer> session = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(1)), Tuple.of(60, Arbitraries.integers().between(2, 12)));
        Arbitrary<String> outcome = Arbitraries.of("resolved", "better", "same", "worse", "plateaued");
        Arbitrary<Integer> onset = Arbitraries.integers().between(0, 120).injectNull(0.3);
        Arbitrary<List<String>> locations = Arbitraries.frequencyOf(
                Tuple.of(95, Arbitraries.of("buttock", "hip", "groin", "thigh", "knee", "leg_below_knee", "foot", "thoracic",
                        "neck", "shoulder", "other").list().ofMaxSize(2).map(GeneratedIntake::withLowBack)),
                Tuple.of(5, Arbitraries.of("hip", "knee", "neck", "thoracic").list().ofMinSize(1).ofMaxSize(2).uniqueElements()));
        Arbitrary<Integer> severity = Arbitraries.integers().between(0, 10);
        return Combinators.combine(age, session, outcome, Arbitraries.of(true, false), Arbitraries.of(true, false), onset,
                locations, Combinators.combine(severity, severity).as(Tuple::of))
                .as((a, s, o, flare, fresh, days, locs, sev) -> new Patient(a, s, s == 1 ? "first_session" : o, flare, fresh,
                        days, locs, sev.get1(), sev.get2()));
    }

    private static List<String> withLowBack(List<String> others) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add("low_back");
        all.addAll(others);
        return List.copyOf(all);
    }

    static Arbitrary<Safety> safetyParts() {
        Arbitrary<Answer> answer = Arbitraries.frequency(
                Tuple.of(980, Answer.NO), Tuple.of(10, Answer.YES), Tuple.of(5, Answer.NULL), Tuple.of(5, Answer.MISSING));
        Arbitrary<Boolean> rare = Arbitraries.frequency(Tuple.of(97, false), Tuple.of(3, true));
        Arbitrary<Boolean> sometimes = Arbitraries.frequency(Tuple.of(85, false), Tuple.of(15, true));
        Arbitrary<String> pregnancy = Arbitraries.frequency(Tuple.of(50, "no"), Tuple.of(30, "not_applicable"),
                Tuple.of(8, "yes"), Tuple.of(5, "high_risk"), Tuple.of(7, "unknown"));
        Arbitrary<Lesion> lesion = Combinators.combine(Arbitraries.of(ALL_REGIONS), Arbitraries.of("left", "right"),
                Arbitraries.of("open_wound", "skin_infection", "burn", "acute_inflammation", "tumour", "recent_surgical_site",
                        "varicosities")).as(Lesion::new);
        Arbitrary<List<Lesion>> lesions = Arbitraries.frequencyOf(Tuple.of(80, Arbitraries.just(List.<Lesion>of())),
                Tuple.of(20, lesion.list().ofMinSize(1).ofMaxSize(2)));
        Arbitrary<Surgery> surgery = Combinators.combine(
                Arbitraries.of("hip_labral_repair", "hip_arthroscopy", "total_hip_replacement", "hip_resurfacing",
                        "spinal_surgery", "knee_surgery", "shoulder_surgery", "abdominal_surgery", "other"),
                Arbitraries.of("left", "right", "bilateral", "not_applicable"),
                Arbitraries.integers().between(0, 500).injectNull(0.1)).as(Surgery::new);
        Arbitrary<List<Surgery>> surgeries = Arbitraries.frequencyOf(Tuple.of(85, Arbitraries.just(List.<Surgery>of())),
                Tuple.of(15, surgery.list().ofMinSize(1).ofMaxSize(2)));
        return Combinators.combine(answer.list().ofSize(RedFlagKey.values().length), rare, rare, sometimes,
                sometimes.injectNull(0.5), pregnancy, lesions, Combinators.combine(sometimes.injectNull(0.3), surgeries).as(Tuple::of))
                .as((flags, dvt, fracture, anticoagulant, thrombo, preg, les, rest) -> new Safety(flags, dvt, fracture,
                        anticoagulant, thrombo, preg, les, rest.get1(), rest.get2()));
    }

    /** A pair of scores: mostly within a point of each other, sometimes far apart; rarely a side not mapped. */
    static Arbitrary<Integer[]> pair() {
        Arbitrary<Integer> delta = Arbitraries.frequencyOf(Tuple.of(40, Arbitraries.just(0)),
                Tuple.of(30, Arbitraries.of(-1, 1)), Tuple.of(30, Arbitraries.integers().between(-7, 7)));
        Arbitrary<Integer> missingSide = Arbitraries.frequency(Tuple.of(97, 0), Tuple.of(2, 1), Tuple.of(1, 2));
        return Combinators.combine(Arbitraries.integers().between(0, 10), delta, missingSide).as((base, d, missing) -> {
            int other = Math.max(0, Math.min(10, base + d));
            return new Integer[] {missing == 1 ? null : base, missing == 2 ? null : other};
        });
    }

    static Arbitrary<Mapping> mappingParts() {
        Arbitrary<Map<String, Integer[]>> legs = pair().list().ofSize(LEG.size()).map(pairs -> {
            Map<String, Integer[]> scores = new java.util.LinkedHashMap<>();
            for (int i = 0; i < LEG.size(); i++) {
                scores.put(LEG.get(i), pairs.get(i));
            }
            return scores;
        });
        Arbitrary<Map<String, Integer[]>> others = pair().injectNull(0.6).list().ofSize(OTHER.size()).map(pairs -> {
            Map<String, Integer[]> scores = new java.util.LinkedHashMap<>();
            for (int i = 0; i < OTHER.size(); i++) {
                if (pairs.get(i) != null) {
                    scores.put(OTHER.get(i), pairs.get(i));
                }
            }
            return scores;
        });
        return Combinators.combine(Arbitraries.frequency(Tuple.of(75, "practitioner_palpation"), Tuple.of(25, "self_assessment")),
                legs, others, Arbitraries.integers().between(0, 10).injectNull(0.5),
                Arbitraries.of("none", "mild", "moderate", "major").injectNull(0.3), Arbitraries.of(true, false).injectNull(0.5))
                .as((method, leg, other, felt, palpated, shoulder) -> {
                    Map<String, Integer[]> scores = new java.util.LinkedHashMap<>(leg);
                    scores.putAll(other);
                    return new Mapping(method, scores, felt, palpated, shoulder);
                });
    }

    static Arbitrary<History> historyParts() {
        Arbitrary<Prior> prior = Combinators.combine(
                Arbitraries.of("foam_roll_low_back", "low_back_release_practitioner", "glute_release", "ql_release",
                        "it_band_rolling", "leg_release", "spine_device", "lat_release", "stretching", "other"),
                Arbitraries.of("relief", "no_change", "worse"),
                Arbitraries.of("sustained_relief", "re_tightened", "more_pain", "no_change", "unknown")).as(Prior::new);
        Arbitrary<List<Prior>> priors = Arbitraries.frequencyOf(Tuple.of(75, Arbitraries.just(List.<Prior>of())),
                Tuple.of(25, prior.list().ofMinSize(1).ofMaxSize(2)));
        Arbitrary<List<String>> requested = Arbitraries.frequencyOf(Tuple.of(85, Arbitraries.just(List.<String>of())),
                Tuple.of(15, Arbitraries.of(ALL_REGIONS).list().ofMinSize(1).ofMaxSize(2).uniqueElements()));
        Arbitrary<List<Boolean>> startBack = Arbitraries.of(true, false).list().ofSize(8).injectNull(0.7);
        return Combinators.combine(priors, Arbitraries.of(true, false).injectNull(0.3), requested, startBack,
                Arbitraries.of("not_at_all", "slightly", "moderately", "very_much", "extremely")).as(History::new);
    }

    // ---- the intake as JSON

    public ObjectNode json() {
        ObjectNode in = Clinic.JSON.createObjectNode();
        in.put("schemaVersion", "1.0");
        in.put("patientId", "PT-PROPERTY-01");
        in.put("encounterDate", ENCOUNTER.toString());
        in.put("ageYears", patient.age);
        in.put("sessionNumber", patient.session);
        ObjectNode episode = in.putObject("episode");
        episode.put("acuteFlareUp", patient.flareUp);
        episode.put("newEpisode", patient.newEpisode);
        if (patient.onsetDaysBefore != null) {
            episode.put("onsetDate", ENCOUNTER.minusDays(patient.onsetDaysBefore).toString());
        }
        ObjectNode pain = in.putObject("pain");
        ArrayNode locations = pain.putArray("locations");
        patient.locations.forEach(locations::add);
        pain.put("severityNow", patient.severityNow);
        if (patient.session > 1) {
            pain.put("severityAtSession1", patient.severityAtSession1);
        }
        ObjectNode flags = in.putObject("redFlags");
        RedFlagKey[] keys = RedFlagKey.values();
        for (int i = 0; i < keys.length; i++) {
            switch (safety.redFlags.get(i)) {
                case NO -> flags.put(keys[i].key(), false);
                case YES -> flags.put(keys[i].key(), true);
                case NULL -> flags.putNull(keys[i].key());
                case MISSING -> { }
            }
        }
        ObjectNode contraindications = in.putObject("contraindications");
        contraindications.put("dvtCurrentOrSuspected", safety.dvt);
        contraindications.put("fractureCurrent", safety.fracture);
        contraindications.put("anticoagulantOrBleedingDisorder", safety.anticoagulant);
        if (safety.thrombocytopenia != null) {
            contraindications.put("severeThrombocytopenia", safety.thrombocytopenia);
        }
        contraindications.put("pregnancy", safety.pregnancy);
        if (!safety.lesions.isEmpty()) {
            ArrayNode lesions = contraindications.putArray("localLesions");
            safety.lesions.forEach(lesion -> lesions.addObject().put("region", lesion.region).put("side", lesion.side)
                    .put("type", lesion.type));
        }
        if (safety.clearance != null) {
            in.put("medicalClearance", safety.clearance);
        }
        if (!safety.surgeries.isEmpty()) {
            ArrayNode surgeries = in.putArray("surgicalHistory");
            safety.surgeries.forEach(surgery -> {
                ObjectNode item = surgeries.addObject().put("procedure", surgery.procedure).put("side", surgery.side);
                if (surgery.weeksBefore == null) {
                    item.putNull("date");
                } else {
                    item.put("date", ENCOUNTER.minusWeeks(surgery.weeksBefore).toString());
                }
            });
        }
        ObjectNode map = in.putObject("mapping");
        map.put("method", mapping.method);
        ObjectNode scores = map.putObject("scores");
        mapping.scores.forEach((region, sides) -> {
            ObjectNode pair = scores.putObject(region);
            if (sides[0] == null) {
                pair.putNull("left");
            } else {
                pair.put("left", sides[0]);
            }
            if (sides[1] == null) {
                pair.putNull("right");
            } else {
                pair.put("right", sides[1]);
            }
        });
        if (mapping.felt != null) {
            map.put("lowBackTightnessFelt", mapping.felt);
        }
        if (mapping.palpated != null) {
            map.put("lowBackTightnessPalpated", mapping.palpated);
        }
        if (mapping.shoulder != null) {
            map.put("shoulderImbalanceObserved", mapping.shoulder);
        }
        if (!history.priors.isEmpty()) {
            ArrayNode priors = in.putArray("priorInterventions");
            history.priors.forEach(prior -> priors.addObject().put("intervention", prior.intervention)
                    .put("immediateEffect", prior.immediate).put("effectAfter7Days", prior.after7Days));
        }
        in.putObject("progress").put("outcomeSinceLastSession", patient.outcome);
        if (history.consent != null) {
            in.putObject("consent").put("lowBackRelease", history.consent);
        }
        if (!history.requested.isEmpty()) {
            ArrayNode requested = in.putArray("requestedRegions");
            history.requested.forEach(requested::add);
        }
        if (history.startBack != null) {
            ObjectNode startBack = in.putObject("startBack");
            for (int i = 0; i < 8; i++) {
                startBack.put("item" + (i + 1), history.startBack.get(i));
            }
            startBack.put("item9", history.item9);
        }
        return in;
    }

    /** The score of one side of a region, or null. */
    public Integer score(String region, String side) {
        Integer[] sides = mapping.scores.get(region);
        return sides == null ? null : sides["left".equals(side) ? 0 : 1];
    }

    @Override
    public String toString() {
        return "profile " + profile + ", thresholds " + thresholds + ", intake:\n" + json().toPrettyString();
    }
}
