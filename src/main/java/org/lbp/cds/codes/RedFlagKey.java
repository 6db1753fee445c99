package org.lbp.cds.codes;

/** The red-flag questions of the intake, each with its JSON key and its group. */
public enum RedFlagKey {
    SADDLE_ANAESTHESIA_OR_PARAESTHESIA("saddleAnaesthesiaOrParaesthesia", RedFlagGroup.EMERGENCY),
    NEW_BLADDER_DYSFUNCTION("newBladderDysfunction", RedFlagGroup.EMERGENCY),
    NEW_BOWEL_DYSFUNCTION("newBowelDysfunction", RedFlagGroup.EMERGENCY),
    NEW_SEXUAL_DYSFUNCTION("newSexualDysfunction", RedFlagGroup.EMERGENCY),
    BILATERAL_LEG_NEURO_SYMPTOMS("bilateralLegNeuroSymptoms", RedFlagGroup.EMERGENCY),
    SEVERE_OR_PROGRESSIVE_NEURO_DEFICIT("severeOrProgressiveNeuroDeficit", RedFlagGroup.EMERGENCY),
    FEVER_OR_CHILLS("feverOrChills", RedFlagGroup.INFECTION),
    SYSTEMICALLY_UNWELL("systemicallyUnwell", RedFlagGroup.INFECTION),
    IV_DRUG_USE("ivDrugUse", RedFlagGroup.INFECTION),
    IMMUNOSUPPRESSION("immunosuppression", RedFlagGroup.INFECTION),
    RECENT_BACTERIAL_INFECTION("recentBacterialInfection", RedFlagGroup.INFECTION),
    HISTORY_OF_CANCER("historyOfCancer", RedFlagGroup.MALIGNANCY),
    UNEXPLAINED_WEIGHT_LOSS("unexplainedWeightLoss", RedFlagGroup.MALIGNANCY),
    NIGHT_PAIN_UNREMITTING("nightPainUnremitting", RedFlagGroup.MALIGNANCY),
    NON_MECHANICAL_CONSTANT_PAIN("nonMechanicalConstantPain", RedFlagGroup.MALIGNANCY),
    THORACIC_PAIN("thoracicPain", RedFlagGroup.MALIGNANCY),
    SIGNIFICANT_TRAUMA("significantTrauma", RedFlagGroup.FRACTURE),
    STRUCTURAL_DEFORMITY("structuralDeformity", RedFlagGroup.FRACTURE),
    MINOR_TRAUMA_OR_STRAIN("minorTraumaOrStrain", RedFlagGroup.MINOR_TRAUMA),
    OSTEOPOROSIS("osteoporosis", RedFlagGroup.BONE_FRAGILITY),
    LONG_TERM_CORTICOSTEROIDS("longTermCorticosteroids", RedFlagGroup.BONE_FRAGILITY);

    private final String key;
    private final RedFlagGroup group;

    RedFlagKey(String key, RedFlagGroup group) {
        this.key = key;
        this.group = group;
    }

    /** The JSON key under {@code redFlags}. */
    public String key() {
        return key;
    }

    public RedFlagGroup group() {
        return group;
    }

    public static RedFlagKey fromKey(String key) {
        for (RedFlagKey flag : values()) {
            if (flag.key.equals(key)) {
                return flag;
            }
        }
        return null;
    }
}
