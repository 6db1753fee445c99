package org.lbp.cds.ui;

import java.util.Locale;
import java.util.Map;

/** Plain-language labels for codes and field names shown on the pages. */
public final class Labels {

    private static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry("quads_hip_flexors", "Quads and hip flexors"), Map.entry("it_band", "IT band"),
            Map.entry("tfl", "TFL"), Map.entry("ql", "QL (quadratus lumborum)"), Map.entry("glute_med", "Glute medius"),
            Map.entry("glute_max", "Glute maximus"), Map.entry("gp_or_physician", "GP or physician"),
            Map.entry("it_band_non_rolling_alternative", "IT band: non-rolling alternative (never rolled)"),
            Map.entry("low_back_release_practitioner_only", "Low-back release, by a practitioner only"),
            Map.entry("self_or_practitioner", "Self or practitioner"), Map.entry("as_much_as_feels_safe", "As much as feels safe"),
            Map.entry("light_only", "Light pressure only"), Map.entry("stop_refer", "Stop and refer"),
            Map.entry("refer_before_proceeding", "Refer before proceeding"), Map.entry("insufficient_data", "Insufficient data"),
            Map.entry("out_of_scope", "Out of scope"), Map.entry("ok", "Protocol"),
            Map.entry("saddleAnaesthesiaOrParaesthesia", "Saddle anaesthesia or paraesthesia"),
            Map.entry("bilateralLegNeuroSymptoms", "Neurological symptoms in both legs"),
            Map.entry("severeOrProgressiveNeuroDeficit", "Severe or progressive neurological deficit"),
            Map.entry("ivDrugUse", "Intravenous drug use"), Map.entry("nightPainUnremitting", "Unremitting night pain"),
            Map.entry("nonMechanicalConstantPain", "Constant, non-mechanical pain"),
            Map.entry("longTermCorticosteroids", "Long-term corticosteroids"),
            Map.entry("minorTraumaOrStrain", "Minor trauma or strain"),
            Map.entry("foam_roll_low_back", "Foam rolling the low back"),
            Map.entry("roll_spine_or_lower_ribs", "Rolling over the spine or the lower ribs"),
            Map.entry("foam_roll_it_band", "Foam rolling the IT band"),
            Map.entry("bilateral_equal_release", "Releasing both sides equally"),
            Map.entry("direct_low_back_release", "Direct low-back release"),
            Map.entry("pressure_on_local_lesion", "Pressure on a local lesion"));

    private Labels() {
    }

    /** "hip_flexors" → "Hip flexors"; "newBladderDysfunction" → "New bladder dysfunction". */
    public static String of(String code) {
        if (code == null) {
            return "";
        }
        String special = SPECIAL.get(code);
        if (special != null) {
            return special;
        }
        String words = code.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
