package org.lbp.cds.rules.facts;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.Side;

/** Small, pure text helpers for the plain-language messages written in the rules. */
public final class RuleText {

    private RuleText() {
    }

    /** "Left" or "Right". */
    public static String side(Side side) {
        String code = side.code();
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    /** "IT band", "hip flexors", ... */
    public static String region(Region region) {
        return region == Region.IT_BAND ? "IT band"
                : region == Region.TFL ? "TFL"
                : region == Region.QL ? "QL"
                : region.code().replace('_', ' ');
    }

    /** "left 9 against right 14" */
    public static String sums(SideChoice choice) {
        return "left " + choice.getLeftSum() + " against right " + choice.getRightSum();
    }

    /** The error path of one side of a region's score, e.g. {@code mapping.scores.quads.left}. */
    public static String scoreField(Region region, Side side) {
        return "mapping.scores." + region.code() + "." + side.code();
    }

    /** The red-flag answers of a collection, in words: "saddle anaesthesia or paraesthesia, new bladder dysfunction". */
    public static String fields(Collection<?> flags) {
        return flags.stream()
                .map(flag -> ((RedFlag) flag).key().key().replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** The message of an S07 caution, by its warning code. */
    public static String caution(String code) {
        return switch (code) {
            case "ANTICOAGULANT_CAUTION" -> "Anticoagulant, bleeding disorder or low platelets: light pressure only on every step, "
                    + "no body weight or added weight; stop at any bruising.";
            case "BONE_FRAGILITY_CAUTION" -> "Osteoporosis or long-term corticosteroids, cleared by a clinician: light pressure only "
                    + "on every step, never over bone, no body weight or added weight.";
            case "PREGNANCY_CAUTION" -> "Pregnancy, cleared by a clinician: light pressure only on every step, no lying prone, "
                    + "no body weight or added weight.";
            default -> throw new IllegalArgumentException("no caution message for " + code);
        };
    }

    /**
     * The front-back gap of one leg (R16): max(quads, hip flexors) minus hamstrings, as an absolute value; null when
     * one of the three is not mapped on that side.
     */
    public static Integer frontBackGap(RegionScore quads, RegionScore hipFlexors, RegionScore hamstrings, Side side) {
        Integer q = quads.side(side);
        Integer h = hipFlexors.side(side);
        Integer back = hamstrings.side(side);
        if (q == null || h == null || back == null) {
            return null;
        }
        return Math.abs(Math.max(q, h) - back);
    }

    /** "front 8, back 3" for one leg. */
    public static String frontBack(RegionScore quads, RegionScore hipFlexors, RegionScore hamstrings, Side side) {
        return "front " + Math.max(quads.side(side), hipFlexors.side(side)) + ", back " + hamstrings.side(side);
    }
}
