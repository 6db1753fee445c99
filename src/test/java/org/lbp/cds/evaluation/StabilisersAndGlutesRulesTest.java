package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.Status;
import org.lbp.cds.evaluation.api.Protocol;

/** R04, R09, R14: glutes, TFL and QL are recruited stabilisers; never first, never in a flare-up (glutes). */
class StabilisersAndGlutesRulesTest {

    @Test
    @DisplayName("Acute flare-up with very tight left glutes: legs only, glute work avoided this session, glutes flagged")
    void acuteFlareUpWithVeryTightGlutes() {
        Protocol protocol = patient().acuteFlareUp()
                .score("adductors", 7, 3)
                .score("glute_med", 9, 3).score("piriformis", 8, 4)
                .evaluate();

        assertEquals(Status.OK, protocol.status());
        assertEquals(List.of("adductors left"), steps(protocol));
        assertTrue(avoid(protocol).contains("glute_work_this_session"));
        assertEquals(List.of("GLUTES_DEFERRED_ACUTE"), warnings(protocol));
        assertEquals(List.of("R09"), protocol.warnings().get(0).ruleIds());
        assertEquals(List.of(Region.GLUTE_MED, Region.PIRIFORMIS), protocol.flags().recruitedStabilisers());
        assertFired(protocol, "R01", "R02", "R03", "R05", "R06", "R07", "R09", "R14", "R17");
    }

    @Test
    @DisplayName("Same map without a flare-up: the glute step comes after every leg step, on the tighter side")
    void glutesAfterTheLegsOutsideAFlareUp() {
        Protocol protocol = patient()
                .score("adductors", 7, 3)
                .score("glute_med", 9, 3).score("piriformis", 8, 4)
                .evaluate();

        assertEquals(List.of("adductors left", "glutes left"), steps(protocol));
        assertEquals(List.of("R05", "R14", "R04"), step(protocol, "glutes").ruleIds());
        assertEquals("glute_release", step(protocol, "glutes").technique().code());
        assertFalse(avoid(protocol).contains("glute_work_this_session"));
        assertFired(protocol, "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R14", "R17");
    }

    @Test
    @DisplayName("Glutes and TFL imbalanced but no leg imbalance: no step at all, they are never first-line")
    void stabilisersAreNeverFirstLine() {
        Protocol protocol = patient().score("glute_med", 8, 3).score("tfl", 2, 6).evaluate();

        assertEquals(Status.OK, protocol.status());
        assertEquals(List.of(), protocol.steps());
        assertEquals(List.of("STABILISER_NOT_FIRST_LINE"), warnings(protocol));
        assertEquals(List.of("re_map_front_back"), protocol.recommendations());
        assertEquals(List.of(Region.TFL, Region.GLUTE_MED), protocol.flags().recruitedStabilisers());
    }

    @Test
    @DisplayName("TFL tighter on the right with a leg step: the TFL step follows the legs")
    void tflAfterTheLegs() {
        Protocol protocol = patient().score("hamstrings", 6, 3).score("tfl", 2, 6).evaluate();

        assertEquals(List.of("hamstrings left", "tfl right"), steps(protocol));
        assertEquals(List.of("R05", "R14", "R04"), step(protocol, "tfl").ruleIds());
    }

    @Test
    @DisplayName("A very tight QL is flagged as a recruited stabiliser, never a step")
    void qlIsNeverAStep() {
        Protocol protocol = patient().score("quads", 6, 3).score("ql", 9, 4).evaluate();

        assertEquals(List.of("quads_hip_flexors left"), steps(protocol));
        assertEquals(List.of(Region.QL), protocol.flags().recruitedStabilisers());
        assertTrue(avoid(protocol).contains("foam_roll_low_back"));
    }

    @Test
    @DisplayName("Near miss: glutes one point apart and moderately tight: not imbalanced, not recruited, no glute step")
    void glutesNearMiss() {
        Protocol protocol = patient().score("adductors", 7, 3).score("glute_med", 4, 3).evaluate();

        assertEquals(List.of("adductors left"), steps(protocol));
        assertEquals(List.of(), protocol.flags().recruitedStabilisers());
        assertEquals(List.of(), protocol.warnings());
    }

    @Test
    @DisplayName("Glute muscles tighter on opposite sides with equal sums: no glute step, a conflict warning")
    void gluteSideConflict() {
        Protocol protocol = patient().score("adductors", 7, 3)
                .score("glute_med", 7, 4).score("piriformis", 4, 7).evaluate();

        assertEquals(List.of("adductors left"), steps(protocol));
        assertEquals(List.of("GLUTES_SIDE_CONFLICT"), warnings(protocol));
    }
}
