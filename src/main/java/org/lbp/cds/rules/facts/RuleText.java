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
}
