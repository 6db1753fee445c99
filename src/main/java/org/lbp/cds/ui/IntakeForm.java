package org.lbp.cds.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.lbp.cds.codes.Code;
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
import org.lbp.cds.codes.RedFlagGroup;
import org.lbp.cds.codes.RedFlagKey;
import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.Sex;
import org.lbp.cds.codes.StartBackItem9;
import org.lbp.cds.codes.SurgerySide;

/**
 * The intake form as the page shows it: the values entered (to refill after an error), the service's errors by field
 * path, and every choice list, taken from the contract's code lists so the form and the API never disagree.
 */
public record IntakeForm(Map<String, String> values, Map<String, String> errors, String today) {

    public record Choice(String code, String label) {
    }

    public record FlagGroup(String title, List<Choice> flags) {
    }

    public record MapRow(String code, String label, boolean leg) {
    }

    /** A dot on the map's diagram, for one side of one region (coloured by the page's script). */
    public record Dot(String code, int x, int y) {
    }

    static <E extends Enum<E> & Code> List<Choice> choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> new Choice(c.code(), Labels.of(c.code()))).toList();
    }

    /** A field name from parts (templates cannot concatenate): name("redFlags.", code). */
    public String name(Object a, Object b) {
        return String.valueOf(a) + b;
    }

    public String name3(Object a, Object b, Object c) {
        return String.valueOf(a) + b + c;
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public String value2(Object a, Object b) {
        return value(name(a, b));
    }

    public String value3(Object a, Object b, Object c) {
        return value(name3(a, b, c));
    }

    public String checked(String name, String value) {
        String current = values.get(name);
        return current != null && Arrays.asList(current.split(",")).contains(value) ? "checked" : "";
    }

    public String checked2(Object a, Object b, String value) {
        return checked(name(a, b), value);
    }

    public String selected(String name, String value) {
        return value.equals(values.get(name)) ? "selected" : "";
    }

    public String selected3(Object a, Object b, Object c, String value) {
        return selected(name3(a, b, c), value);
    }

    public String error(String name) {
        return errors.get(name);
    }

    public String error2(Object a, Object b) {
        return error(name(a, b));
    }

    public String error3(Object a, Object b, Object c) {
        return error(name3(a, b, c));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors as (field, message, element id), for the summary at the top of the form. */
    public List<Choice> errorList() {
        return errors.entrySet().stream().map(e -> new Choice(id(e.getKey()), (e.getKey().isEmpty() ? "the intake" : e.getKey())
                + ": " + e.getValue())).toList();
    }

    /** An element id for a field path. */
    public String id(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9]", "-");
    }

    public String id2(Object a, Object b) {
        return id(name(a, b));
    }

    public String id3(Object a, Object b, Object c) {
        return id(name3(a, b, c));
    }

    public List<FlagGroup> redFlagGroups() {
        return Stream.of(RedFlagGroup.values()).map(group -> new FlagGroup(groupTitle(group), Arrays.stream(RedFlagKey.values())
                .filter(key -> key.group() == group).map(key -> new Choice(key.key(), Labels.of(key.key()))).toList()))
                .filter(group -> !group.flags().isEmpty()).toList();
    }

    private static String groupTitle(RedFlagGroup group) {
        return switch (group) {
            case EMERGENCY -> "Emergency signs (cauda equina, severe neurology)";
            case INFECTION -> "Infection";
            case MALIGNANCY -> "Cancer";
            case FRACTURE -> "Fracture";
            case MINOR_TRAUMA -> "Minor trauma";
            case BONE_FRAGILITY -> "Bone fragility";
        };
    }

    public List<MapRow> mapRows() {
        return Arrays.stream(Region.values()).map(r -> new MapRow(r.code(), Labels.of(r.code()), r.isLeg())).toList();
    }

    public List<Dot> mapDots() {
        List<Dot> dots = new java.util.ArrayList<>();
        for (Region region : Region.values()) {
            for (String side : List.of("left", "right")) {
                dots.add(new Dot("dot-" + region.code() + "-" + side, BodyMap.x(region.code(), side), BodyMap.y(region.code())));
            }
        }
        return dots;
    }

    public List<Choice> episodeQuestions() {
        return List.of(new Choice("episode.acuteFlareUp", "Acute flare-up now?"),
                new Choice("episode.newEpisode", "A new episode of low back pain?"));
    }

    public List<Choice> contraindicationQuestions() {
        return List.of(new Choice("contraindications.dvtCurrentOrSuspected", "Deep vein thrombosis, current or suspected?"),
                new Choice("contraindications.fractureCurrent", "A current fracture?"),
                new Choice("contraindications.anticoagulantOrBleedingDisorder", "Anticoagulant or bleeding disorder?"),
                new Choice("contraindications.severeThrombocytopenia", "Severe thrombocytopenia?"));
    }

    public List<Choice> regions() {
        return choices(Region.class);
    }

    public List<Choice> painLocations() {
        return choices(PainLocation.class);
    }

    public List<Choice> sexes() {
        return choices(Sex.class);
    }

    public List<Choice> onsetTypes() {
        return choices(OnsetType.class);
    }

    public List<Choice> pregnancies() {
        return choices(Pregnancy.class);
    }

    public List<Choice> methods() {
        return choices(MappingMethod.class);
    }

    public List<Choice> palpated() {
        return choices(PalpatedTightness.class);
    }

    public List<Choice> outcomes() {
        return choices(Outcome.class);
    }

    public List<Choice> lesionTypes() {
        return choices(LesionType.class);
    }

    public List<Choice> procedures() {
        return choices(Procedure.class);
    }

    public List<Choice> surgerySides() {
        return choices(SurgerySide.class);
    }

    public List<Choice> interventions() {
        return choices(Intervention.class);
    }

    public List<Choice> immediateEffects() {
        return choices(ImmediateEffect.class);
    }

    public List<Choice> effectsAfter7Days() {
        return choices(EffectAfter7Days.class);
    }

    public List<Choice> item9() {
        return choices(StartBackItem9.class);
    }

    /** Row numbers of the repeatable sections (lesions, surgeries, earlier interventions). */
    public List<Integer> rows() {
        return List.of(0, 1, 2);
    }

    public List<Integer> startBackItems() {
        return List.of(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
