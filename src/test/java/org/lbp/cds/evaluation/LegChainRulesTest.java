package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lbp.cds.evaluation.Clinic.assertFired;
import static org.lbp.cds.evaluation.Clinic.avoid;
import static org.lbp.cds.evaluation.Clinic.patient;
import static org.lbp.cds.evaluation.Clinic.step;
import static org.lbp.cds.evaluation.Clinic.steps;
import static org.lbp.cds.evaluation.Clinic.warnings;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.codes.Load;
import org.lbp.cds.codes.Performer;
import org.lbp.cds.codes.Status;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.evaluation.api.ProtocolStep;

/** R03, R05, R06, R07, R08: the cause is in the legs; the tighter side only; quads and hip flexors first. */
class LegChainRulesTest {

    @Test
    @DisplayName("Right quads and hip flexors tighter, all else balanced: one step on the right (the contract's example)")
    void contractExample() {
        Protocol protocol = Clinic.fromFile("examples/classic-right-quads.json").evaluate();

        assertEquals(Status.OK, protocol.status());
        assertEquals(List.of("quads_hip_flexors right"), steps(protocol));
        ProtocolStep step = protocol.steps().get(0);
        assertEquals(1, step.order());
        assertEquals("quad_hip_flexor_release", step.technique().code());
        assertEquals(Performer.SELF_OR_PRACTITIONER, step.performer());
        assertEquals(Load.AS_MUCH_AS_FEELS_SAFE, step.dose().load());
        assertEquals(null, step.dose().duration());
        assertTrue(step.recheckAfter());
        assertEquals(List.of("R05", "R06", "R03"), step.ruleIds());
        assertEquals(List.of("foam_roll_low_back", "roll_spine_or_lower_ribs", "foam_roll_it_band", "bilateral_equal_release"),
                avoid(protocol));
        assertEquals(List.of(), protocol.referrals());
        assertEquals(List.of(), protocol.warnings());
        assertFired(protocol, "R01", "R02", "R03", "R05", "R06", "R07", "R17");
    }

    @Test
    @DisplayName("All four leg regions imbalanced on mixed sides: four steps in leg order, each on its tighter side")
    void allFourLegRegionsMixedSides() {
        Protocol protocol = patient()
                .score("quads", 7, 4).score("hip_flexors", 6, 4)   // left: sums 13 against 8
                .score("adductors", 3, 6)                          // right by 3
                .score("it_band", 8, 5)                            // left by 3
                .score("hamstrings", 2, 5)                         // right by 3
                .evaluate();

        assertEquals(Status.OK, protocol.status());
        assertEquals(List.of("quads_hip_flexors left", "adductors right", "it_band left", "hamstrings right"), steps(protocol));
        assertEquals(List.of(1, 2, 3, 4), protocol.steps().stream().map(ProtocolStep::order).toList());
        assertEquals(List.of("quad_hip_flexor_release", "adductor_release", "it_band_non_rolling_alternative",
                "hamstring_release"), protocol.steps().stream().map(step -> step.technique().code()).toList());
        assertEquals(List.of("R05", "R06", "R03"), step(protocol, "adductors").ruleIds());
        assertEquals(List.of("R05", "R06", "R03", "R07"), step(protocol, "it_band").ruleIds());
        assertEquals(List.of("R05", "R06", "R03", "R08"), step(protocol, "hamstrings").ruleIds());
        // nothing balanced among the leg regions, so no bilateral-release warning
        assertEquals(List.of("foam_roll_low_back", "roll_spine_or_lower_ribs", "foam_roll_it_band"), avoid(protocol));
        // the left leg is also out of balance front to back (front 7, back 2): information only (R16)
        assertFired(protocol, "R01", "R02", "R03", "R05", "R06", "R07", "R08", "R16", "R17");
    }

    @Test
    @DisplayName("Quads tighter left, hip flexors tighter right, equal sums: no quad/hip-flexor step, a side-conflict warning")
    void tierOneTie() {
        Protocol protocol = patient()
                .score("quads", 7, 4).score("hip_flexors", 4, 7)   // 11 against 11
                .score("adductors", 6, 3)
                .evaluate();

        assertEquals(Status.OK, protocol.status());
        assertEquals(List.of("adductors left"), steps(protocol));
        assertEquals(1, protocol.steps().get(0).order());
        assertEquals(List.of("TIER1_SIDE_CONFLICT"), warnings(protocol));
        assertEquals(List.of("R05", "R06"), protocol.warnings().get(0).ruleIds());
        assertFired(protocol, "R01", "R02", "R03", "R05", "R06", "R07", "R17");
    }

    @Test
    @DisplayName("Only the hip flexors imbalanced: the combined step goes to the side with the larger sum")
    void hipFlexorsAloneDecideTheCombinedSide() {
        Protocol protocol = patient().score("quads", 5, 5).score("hip_flexors", 2, 6).evaluate();

        assertEquals(List.of("quads_hip_flexors right"), steps(protocol));
    }

    @Test
    @DisplayName("Near miss: every leg region one point apart, below the threshold of 2: no step, no asymmetry found")
    void onePointBelowThresholdIsBalanced() {
        Protocol protocol = patient()
                .score("quads", 5, 4).score("hip_flexors", 4, 5).score("adductors", 3, 4)
                .score("it_band", 6, 5).score("hamstrings", 4, 5)
                .evaluate();

        assertEquals(Status.OK, protocol.status());
        assertEquals(List.of(), protocol.steps());
        assertEquals(List.of("NO_ASYMMETRY_FOUND"), warnings(protocol));
        assertEquals(List.of("re_map_front_back", "consider_lats_shoulder", "consider_practitioner"), protocol.recommendations());
        assertFired(protocol, "D19", "R01", "R02", "R05", "R07", "R17");
    }

    @Test
    @DisplayName("Exactly the threshold (2 points) is an imbalance")
    void thresholdIsInclusive() {
        Protocol protocol = patient().score("hamstrings", 4, 6).evaluate();

        assertEquals(List.of("hamstrings right"), steps(protocol));
        assertEquals(List.of("R05", "R06", "R03", "R08"), step(protocol, "hamstrings").ruleIds());
    }

    @Test
    @DisplayName("Only the IT band imbalanced: one non-rolling step, and rolling the IT band is avoided")
    void itBandIsNeverRolled() {
        Protocol protocol = patient().score("it_band", 3, 7).evaluate();

        ProtocolStep step = step(protocol, "it_band");
        assertEquals("right", step.side().code());
        assertEquals("it_band_non_rolling_alternative", step.technique().code());
        assertTrue(avoid(protocol).contains("foam_roll_it_band"));
    }

    @Test
    @DisplayName("A region is never released on both sides, and never on the looser side")
    void tighterSideOnly() {
        Protocol protocol = patient().score("adductors", 9, 2).score("quads", 2, 9).score("hip_flexors", 2, 9).evaluate();

        assertEquals(List.of("quads_hip_flexors right", "adductors left"), steps(protocol));
        assertEquals(protocol.steps().size(), protocol.steps().stream().map(ProtocolStep::region).distinct().count());
    }
}
