package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lbp.cds.evaluation.Clinic.assertFired;
import static org.lbp.cds.evaluation.Clinic.patient;
import static org.lbp.cds.evaluation.Clinic.step;
import static org.lbp.cds.evaluation.Clinic.steps;
import static org.lbp.cds.evaluation.Clinic.warnings;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.api.Protocol;

/** R13: the lats or a shoulder are a secondary source, after the legs. */
class LatsAndShoulderRulesTest {

    @Test
    @DisplayName("Lats tighter on the left and quads tighter on the right: the lats step follows the leg step")
    void latsAfterTheLegs() {
        Protocol protocol = patient().score("quads", 3, 6).score("lats", 7, 3).evaluate();

        assertEquals(List.of("quads_hip_flexors right", "lats left"), steps(protocol));
        assertEquals(List.of("R05", "R13"), step(protocol, "lats").ruleIds());
        assertEquals("lat_release", step(protocol, "lats").technique().code());
        assertFired(protocol, "R01", "R02", "R03", "R05", "R06", "R07", "R13", "R17");
    }

    @Test
    @DisplayName("Lats imbalance with balanced legs: the lats step is the only step")
    void latsAlone() {
        Protocol protocol = patient().score("lats", 3, 6).evaluate();

        assertEquals(List.of("lats right"), steps(protocol));
        assertEquals(List.of(), protocol.warnings());
    }

    @Test
    @DisplayName("A shoulder imbalance without a lats imbalance: assess the shoulder, no step")
    void shoulderImbalanceIsAssessedNotReleased() {
        Protocol protocol = patient().shoulderImbalanceObserved().score("lats", 4, 5).evaluate();

        assertEquals(List.of(), protocol.steps());
        assertEquals(List.of("SHOULDER_IMBALANCE_ASSESS", "NO_ASYMMETRY_FOUND"), warnings(protocol));
    }

    @Test
    @DisplayName("Near miss: a shoulder imbalance with a lats imbalance gives the lats step and no shoulder warning")
    void shoulderWithLatsImbalance() {
        Protocol protocol = patient().shoulderImbalanceObserved().score("lats", 6, 3).evaluate();

        assertEquals(List.of("lats left"), steps(protocol));
        assertEquals(List.of(), warnings(protocol));
    }
}
