package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lbp.cds.evaluation.Clinic.assertFired;
import static org.lbp.cds.evaluation.Clinic.avoid;
import static org.lbp.cds.evaluation.Clinic.patient;
import static org.lbp.cds.evaluation.Clinic.warnings;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lbp.cds.codes.MissingCode;
import org.lbp.cds.codes.ReferralTarget;
import org.lbp.cds.codes.Status;
import org.lbp.cds.codes.Urgency;
import org.lbp.cds.evaluation.api.MissingEntry;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.evaluation.api.ReferralEntry;

/** S02, S03, S11, C01 and the rules that hold in every status (R01, R02, R17). */
class SafetyRulesTest {

    @Test
    @DisplayName("Saddle anaesthesia with a clear leg imbalance: stop, emergency department, no steps")
    void caudaEquinaSigns() {
        Protocol protocol = patient().score("quads", 7, 3).redFlag("saddleAnaesthesiaOrParaesthesia", true).evaluate();

        assertEquals(Status.STOP_REFER, protocol.status());
        assertEquals(List.of(), protocol.steps());
        assertEquals(List.of(new ReferralEntry(Urgency.EMERGENCY, ReferralTarget.EMERGENCY_DEPARTMENT,
                List.of("CAUDA_EQUINA_SUSPECTED"), List.of("S03"))), protocol.referrals());
        assertEquals(List.of("CAUDA_EQUINA_SUSPECTED"), warnings(protocol));
        assertTrue(protocol.warnings().get(0).message().contains("saddle anaesthesia or paraesthesia"));
        assertEquals(List.of("foam_roll_low_back", "roll_spine_or_lower_ribs"), avoid(protocol));
        assertFalse(protocol.disclaimer().isBlank());
        // classification still runs (audit shows what was seen), but no recommendation rule fired
        assertFired(protocol, "R01", "R02", "R05", "R06", "R17", "S03");
    }

    @ParameterizedTest(name = "{0} alone stops the protocol")
    @ValueSource(strings = {"saddleAnaesthesiaOrParaesthesia", "newBladderDysfunction", "newBowelDysfunction",
            "newSexualDysfunction", "bilateralLegNeuroSymptoms", "severeOrProgressiveNeuroDeficit"})
    void everyEmergencyFlagStops(String flag) {
        Protocol protocol = patient().redFlag(flag, true).evaluate();

        assertEquals(Status.STOP_REFER, protocol.status());
        assertEquals(Urgency.EMERGENCY, protocol.referrals().get(0).urgency());
    }

    @Test
    @DisplayName("Two emergency flags give one emergency referral naming both answers")
    void twoEmergencyFlags() {
        Protocol protocol = patient().redFlag("newBladderDysfunction", true).redFlag("bilateralLegNeuroSymptoms", true)
                .evaluate();

        assertEquals(1, protocol.referrals().size());
        String message = protocol.warnings().get(0).message();
        assertTrue(message.contains("new bladder dysfunction") && message.contains("bilateral leg neuro symptoms"), message);
    }

    @Test
    @DisplayName("Nothing imbalanced, nothing flagged: no steps, only the always-rules and D19")
    void nothingFires() {
        Protocol protocol = patient().evaluate();

        assertEquals(Status.OK, protocol.status());
        assertEquals(List.of(), protocol.steps());
        assertEquals(List.of(), protocol.referrals());
        assertEquals(List.of("NO_ASYMMETRY_FOUND"), warnings(protocol));
        assertEquals(List.of("foam_roll_low_back", "roll_spine_or_lower_ribs", "foam_roll_it_band", "bilateral_equal_release"),
                avoid(protocol));
        assertFired(protocol, "D19", "R01", "R02", "R05", "R07", "R17");
    }

    @Test
    @DisplayName("A 15-year-old is out of scope; the hard avoids are still given")
    void underSixteen() {
        Protocol protocol = patient().age(15).score("quads", 7, 3).evaluate();

        assertEquals(Status.OUT_OF_SCOPE, protocol.status());
        assertEquals(List.of(), protocol.steps());
        assertEquals(List.of("AGE_UNDER_16"), warnings(protocol));
        assertEquals(List.of("foam_roll_low_back", "roll_spine_or_lower_ribs"), avoid(protocol));
    }

    @Test
    @DisplayName("Near miss: a 16-year-old is in scope")
    void sixteenIsInScope() {
        Protocol protocol = patient().age(16).score("quads", 7, 3).evaluate();

        assertEquals(Status.OK, protocol.status());
        assertEquals(1, protocol.steps().size());
    }

    @Test
    @DisplayName("Pain in the hip and knee but not the low back: out of scope")
    void noLowBackPain() {
        Protocol protocol = patient().painAt("hip", "knee").score("quads", 7, 3).evaluate();

        assertEquals(Status.OUT_OF_SCOPE, protocol.status());
        assertEquals(List.of("NO_LOW_BACK_PAIN"), warnings(protocol));
        assertEquals(List.of(), protocol.steps());
    }

    @Test
    @DisplayName("Emergency signs in a 15-year-old: the referral wins over out of scope")
    void emergencyOutranksScope() {
        Protocol protocol = patient().age(15).redFlag("newBowelDysfunction", true).evaluate();

        assertEquals(Status.STOP_REFER, protocol.status());
        assertEquals(Urgency.EMERGENCY, protocol.referrals().get(0).urgency());
        assertEquals(List.of("AGE_UNDER_16", "CAUDA_EQUINA_SUSPECTED"), warnings(protocol).stream().sorted().toList());
    }

    @Test
    @DisplayName("Two red-flag questions not asked (one null, one missing): insufficient data, both listed, never a no")
    void unansweredRedFlags() {
        Protocol protocol = patient().score("quads", 7, 3)
                .redFlag("feverOrChills", null).withoutRedFlag("historyOfCancer").evaluate();

        assertEquals(Status.INSUFFICIENT_DATA, protocol.status());
        assertEquals(List.of(), protocol.steps());
        assertEquals(List.of(new MissingEntry("redFlags.feverOrChills", MissingCode.RED_FLAG_UNANSWERED),
                new MissingEntry("redFlags.historyOfCancer", MissingCode.RED_FLAG_UNANSWERED)), protocol.missing());
    }

    @Test
    @DisplayName("An emergency flag answered yes with other questions unanswered: stop and refer, not insufficient data")
    void positiveFlagOutranksUnanswered() {
        Protocol protocol = patient().redFlag("newBladderDysfunction", true).redFlag("feverOrChills", null).evaluate();

        assertEquals(Status.STOP_REFER, protocol.status());
        assertEquals(1, protocol.missing().size());
    }

    @Test
    @DisplayName("The right hamstring not mapped: insufficient data naming that side")
    void mappingIncomplete() {
        Protocol protocol = patient().score("quads", 7, 3).score("hamstrings", 4, null).evaluate();

        assertEquals(Status.INSUFFICIENT_DATA, protocol.status());
        assertEquals(List.of(), protocol.steps());
        assertEquals(List.of(new MissingEntry("mapping.scores.hamstrings.right", MissingCode.MAPPING_INCOMPLETE)),
                protocol.missing());
        assertTrue(protocol.firedRules().stream().anyMatch(rule -> rule.ruleId().equals("C01")));
    }

    @Test
    @DisplayName("Every firing has its sequence, from 1 without gaps, and every listed item has rule ids that fired")
    void explanationsAreConsistent() {
        Protocol protocol = patient().acuteFlareUp().score("quads", 7, 3).score("it_band", 2, 6)
                .score("glute_med", 8, 2).score("lats", 2, 5).evaluate();

        for (int i = 0; i < protocol.firedRules().size(); i++) {
            assertEquals(i + 1, protocol.firedRules().get(i).sequence());
        }
        var fired = Clinic.fired(protocol);
        protocol.steps().forEach(step -> assertTrue(fired.containsAll(step.ruleIds()), step.toString()));
        protocol.avoid().forEach(item -> assertTrue(!item.ruleIds().isEmpty() && fired.containsAll(item.ruleIds())));
        protocol.warnings().forEach(item -> assertTrue(!item.ruleIds().isEmpty() && fired.containsAll(item.ruleIds())));
        assertEquals(List.of("quads_hip_flexors left", "it_band right", "lats right"), Clinic.steps(protocol));
    }
}
