package org.lbp.cds.codes;

/** What a red flag suggests, which decides the rule that acts on it. */
public enum RedFlagGroup {
    /** Cauda equina or severe neurology (S03): emergency department. */
    EMERGENCY,
    /** Spinal infection (S04). */
    INFECTION,
    /** Malignancy (S04). */
    MALIGNANCY,
    /** Fracture after significant trauma or deformity (S04). */
    FRACTURE,
    /** Minor trauma; a fracture only with osteoporosis or long-term corticosteroids (S04). */
    MINOR_TRAUMA,
    /** Bone fragility: with minor trauma a fracture risk (S04), without it a soft risk (S05). */
    BONE_FRAGILITY
}
