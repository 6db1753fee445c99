package org.lbp.cds.evaluation;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.lbp.cds.codes.RedFlagGroup;
import org.lbp.cds.codes.RedFlagKey;
import org.lbp.cds.codes.Status;
import org.lbp.cds.codes.StepRegion;
import org.lbp.cds.evaluation.api.FiredRule;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.evaluation.api.ProtocolStep;
import org.lbp.cds.evaluation.api.ReferralEntry;
import org.lbp.cds.rules.RuleInfo;

/**
 * The safety invariants of the catalogue (I1-I7) and the rules' own safety promises, checked on generated valid
 * intakes (10,000 per property and run); a failure is shrunk to the smallest intake that still fails, printed as
 * JSON. Every intake goes through the real pipeline: parser, facts, the rules in rules/, assembler.
 */
class SafetyInvariantsProperties {

    static final int TRIES = 10_000;
    private static final com.fasterxml.jackson.databind.ObjectMapper WITH_TIME = Clinic.JSON.copy().findAndRegisterModules();

    @Provide
    Arbitrary<GeneratedIntake> intakes() {
        return GeneratedIntake.intakes();
    }

    static Protocol evaluate(GeneratedIntake intake) {
        return Clinic.of(intake.json()).evaluate(intake.thresholds());
    }

    private static boolean avoids(Protocol protocol, String item) {
        return protocol.avoid().stream().anyMatch(avoid -> avoid.item().code().equals(item));
    }

    private static Set<String> firedIds(Protocol protocol) {
        Set<String> ids = new HashSet<>();
        protocol.firedRules().forEach(rule -> ids.add(rule.ruleId()));
        return ids;
    }

    // ---- I1-I7

    @Property(tries = TRIES)
    @Label("I1: the avoid list holds foam_roll_low_back and roll_spine_or_lower_ribs for every evaluated intake")
    boolean i1HardAvoidsAlwaysPresent(@ForAll("intakes") GeneratedIntake intake) {
        Protocol protocol = evaluate(intake);
        return avoids(protocol, "foam_roll_low_back") && avoids(protocol, "roll_spine_or_lower_ribs");
    }

    @Property(tries = TRIES)
    @Label("I2: steps are on the left or right (central only for the low back); no region has steps on both sides")
    boolean i2OneSidePerRegion(@ForAll("intakes") GeneratedIntake intake) {
        Protocol protocol = evaluate(intake);
        Set<StepRegion> seen = EnumSet.noneOf(StepRegion.class);
        for (ProtocolStep step : protocol.steps()) {
            boolean central = step.side().code().equals("central");
            if (central != (step.region() == StepRegion.LOW_BACK) || !seen.add(step.region())) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = TRIES)
    @Label("I3: no step rolls the low back, the IT band, the spine or the ribs")
    boolean i3NoForbiddenRolling(@ForAll("intakes") GeneratedIntake intake) {
        for (ProtocolStep step : evaluate(intake).steps()) {
            String technique = step.technique().code();
            boolean rolls = technique.contains("roll") && !technique.contains("non_rolling");
            if (rolls
                    || step.region() == StepRegion.IT_BAND && !technique.equals("it_band_non_rolling_alternative")
                    || step.region() == StepRegion.LOW_BACK && !technique.equals("low_back_release_practitioner_only")) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = TRIES)
    @Label("I4: lats, glute, TFL and low-back steps come after every leg step; a low-back step is last and by a practitioner")
    boolean i4LegsFirstLowBackLast(@ForAll("intakes") GeneratedIntake intake) {
        List<ProtocolStep> steps = evaluate(intake).steps();
        int lastLeg = -1;
        int firstOther = Integer.MAX_VALUE;
        for (ProtocolStep step : steps) {
            if (step.region().isLeg()) {
                lastLeg = Math.max(lastLeg, step.order());
            } else {
                firstOther = Math.min(firstOther, step.order());
            }
            if (step.region() == StepRegion.LOW_BACK
                    && (step.order() != steps.size() || !step.performer().code().equals("practitioner"))) {
                return false;
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).order() != i + 1) {
                return false; // orders 1..n, contiguous
            }
        }
        return lastLeg < firstOther;
    }

    @Property(tries = TRIES)
    @Label("I5: a status other than ok gives no steps")
    boolean i5NoStepsUnlessOk(@ForAll("intakes") GeneratedIntake intake) {
        Protocol protocol = evaluate(intake);
        return protocol.status() == Status.OK || protocol.steps().isEmpty();
    }

    @Property(tries = TRIES)
    @Label("I6: every step, avoid item, referral and warning cites a rule that fired; the disclaimer is never empty")
    boolean i6EverythingExplained(@ForAll("intakes") GeneratedIntake intake) {
        Protocol protocol = evaluate(intake);
        Set<String> fired = firedIds(protocol);
        List<List<String>> cited = new java.util.ArrayList<>();
        protocol.steps().forEach(step -> cited.add(step.ruleIds()));
        protocol.avoid().forEach(avoid -> cited.add(avoid.ruleIds()));
        protocol.referrals().forEach(referral -> cited.add(referral.ruleIds()));
        protocol.warnings().forEach(warning -> cited.add(warning.ruleIds()));
        return cited.stream().allMatch(ids -> !ids.isEmpty() && fired.containsAll(ids))
                && protocol.disclaimer() != null && !protocol.disclaimer().isBlank();
    }

    @Property(tries = TRIES)
    @Label("I7: the same intake and the same ruleset give the same protocol (apart from its id and time)")
    boolean i7Deterministic(@ForAll("intakes") GeneratedIntake intake) {
        return withoutIdAndTime(evaluate(intake)).equals(withoutIdAndTime(evaluate(intake)));
    }

    private static JsonNode withoutIdAndTime(Protocol protocol) {
        ObjectNode json = WITH_TIME.valueToTree(protocol);
        json.remove("evaluationId");
        json.remove("evaluatedAt");
        return json;
    }

    // ---- the rules' own safety promises

    @Property(tries = TRIES)
    @Label("R09: during an acute flare-up there is never a glute step, and glute work is on the avoid list")
    boolean noGlutesInAFlareUp(@ForAll("intakes") GeneratedIntake intake) {
        Protocol protocol = evaluate(intake);
        return !intake.patient().flareUp()
                || protocol.steps().stream().noneMatch(step -> step.region() == StepRegion.GLUTES)
                        && avoids(protocol, "glute_work_this_session");
    }

    @Property(tries = TRIES)
    @Label("R05/R06: a single-region leg step is on the tighter side, imbalanced by at least the threshold")
    boolean tighterSideOnly(@ForAll("intakes") GeneratedIntake intake) {
        for (ProtocolStep step : evaluate(intake).steps()) {
            String region = switch (step.region()) {
                case ADDUCTORS -> "adductors";
                case IT_BAND -> "it_band";
                case HAMSTRINGS -> "hamstrings";
                case LATS -> "lats";
                case TFL -> "tfl";
                default -> null;
            };
            if (region != null) {
                Integer left = intake.score(region, "left");
                Integer right = intake.score(region, "right");
                int tighterBy = step.side().code().equals("left") ? left - right : right - left;
                if (tighterBy < intake.thresholds().imbalance()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Property(tries = TRIES)
    @Label("S03/S04/S06: an emergency or urgent finding always stops the protocol, with a referral at that urgency")
    boolean hardStopsAlwaysStop(@ForAll("intakes") GeneratedIntake intake) {
        Protocol protocol = evaluate(intake);
        RedFlagKey[] keys = RedFlagKey.values();
        boolean emergency = false;
        boolean urgent = intake.safety().dvt() || intake.safety().fracture();
        for (int i = 0; i < keys.length; i++) {
            if (intake.safety().redFlags().get(i) == GeneratedIntake.Answer.YES) {
                RedFlagGroup group = keys[i].group();
                emergency |= group == RedFlagGroup.EMERGENCY;
                urgent |= group == RedFlagGroup.INFECTION || group == RedFlagGroup.MALIGNANCY || group == RedFlagGroup.FRACTURE;
            }
        }
        List<String> urgencies = protocol.referrals().stream().map(ReferralEntry::urgency).map(u -> u.code()).toList();
        return (!emergency || protocol.status() == Status.STOP_REFER && urgencies.get(0).equals("emergency"))
                && (!urgent || protocol.status() == Status.STOP_REFER && urgencies.contains("urgent"));
    }

    @Property(tries = TRIES)
    @Label("S11: with a red-flag question unanswered the status is never ok")
    boolean unansweredIsNeverNo(@ForAll("intakes") GeneratedIntake intake) {
        boolean unanswered = intake.safety().redFlags().stream()
                .anyMatch(answer -> answer == GeneratedIntake.Answer.NULL || answer == GeneratedIntake.Answer.MISSING);
        return !unanswered || evaluate(intake).status() != Status.OK;
    }

    @Property(tries = TRIES)
    @Label("S08: no step is on the region and side of a local lesion")
    boolean noStepOnALesion(@ForAll("intakes") GeneratedIntake intake) {
        Protocol protocol = evaluate(intake);
        for (GeneratedIntake.Lesion lesion : intake.safety().lesions()) {
            StepRegion region = StepRegion.of(org.lbp.cds.codes.Region.fromCode(lesion.region()));
            boolean onIt = protocol.steps().stream().anyMatch(step -> step.region() == region
                    && (step.side().code().equals(lesion.side()) || step.side().code().equals("central")));
            if (onIt) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = TRIES)
    @Label("S07: with an anticoagulant or a bleeding disorder every step is light loading only")
    boolean lightLoadingWithBleedingRisk(@ForAll("intakes") GeneratedIntake intake) {
        boolean bleeding = intake.safety().anticoagulant() || Boolean.TRUE.equals(intake.safety().thrombocytopenia());
        return !bleeding || evaluate(intake).steps().stream().allMatch(step -> step.dose().load().code().equals("light_only"));
    }

    @Property(tries = TRIES)
    @Label("R10: a low-back step only from session 2, without a flare-up, with consent and major palpated tightness")
    boolean lowBackOnlyAsTheRareException(@ForAll("intakes") GeneratedIntake intake) {
        boolean lowBackStep = evaluate(intake).steps().stream().anyMatch(step -> step.region() == StepRegion.LOW_BACK);
        return !lowBackStep || intake.patient().session() >= 2 && !intake.patient().flareUp()
                && Boolean.TRUE.equals(intake.history().consent()) && "major".equals(intake.mapping().palpated());
    }

    // ---- the generator itself

    @Example
    @Label("The generator reaches every status and makes every rule fire (10,000 intakes)")
    void generatorReachesEveryStatusAndRule() {
        Map<Status, Integer> statuses = new HashMap<>();
        Map<String, Integer> firings = new HashMap<>();
        Set<String> fired = firings.keySet();
        GeneratedIntake.intakes().sampleStream().limit(TRIES).forEach(intake -> {
            Protocol protocol = evaluate(intake);
            statuses.merge(protocol.status(), 1, Integer::sum);
            protocol.firedRules().stream().map(FiredRule::ruleName).distinct()
                    .forEach(name -> firings.merge(name, 1, Integer::sum));
        });
        System.out.println("generated intakes by status: " + statuses);
        System.out.println("least reached rules (intakes): " + firings.entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).limit(8).map(e -> e.getValue() + " " + e.getKey()).toList());
        List<String> neverFired = Clinic.engine().ruleset().rules().stream().map(RuleInfo::name)
                .filter(name -> !fired.contains(name)).toList();
        org.junit.jupiter.api.Assertions.assertEquals(EnumSet.allOf(Status.class), statuses.keySet(), "statuses " + statuses);
        org.junit.jupiter.api.Assertions.assertTrue(neverFired.isEmpty(), "rules the generator never reaches: " + neverFired);
    }

}
