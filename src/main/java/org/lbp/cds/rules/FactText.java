package org.lbp.cds.rules;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.drools.base.InitialFact;

import org.lbp.cds.rules.facts.Balanced;
import org.lbp.cds.rules.facts.Caution;
import org.lbp.cds.rules.facts.Contraindications;
import org.lbp.cds.rules.facts.Encounter;
import org.lbp.cds.rules.facts.GluteBan;
import org.lbp.cds.rules.facts.Imbalance;
import org.lbp.cds.rules.facts.LocalLesion;
import org.lbp.cds.rules.facts.PriorIntervention;
import org.lbp.cds.rules.facts.RecruitedStabiliser;
import org.lbp.cds.rules.facts.RedFlag;
import org.lbp.cds.rules.facts.RegionScore;
import org.lbp.cds.rules.facts.RequestedRegion;
import org.lbp.cds.rules.facts.SideChoice;
import org.lbp.cds.rules.facts.StartBackAnswers;
import org.lbp.cds.rules.facts.StatusClaim;
import org.lbp.cds.rules.facts.Step;
import org.lbp.cds.rules.facts.Surgery;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * A short, plain description of the facts a rule firing matched, for the audit trail: "quads 7/4; hip_flexors 6/4".
 * Formatted after the rules ran (the firing recorder keeps references only). Never more than {@link #MAX} characters.
 * Drools' own initial fact, which its match lists for a rule that begins with {@code not}, {@code exists} or a
 * {@code collect}, is left out: it is no fact of the patient's.
 */
public final class FactText {

    public static final int MAX = 1000;

    /** The text of a firing whose rule binds no fact: it tests only that some facts exist or are absent. */
    public static final String NO_FACT_BOUND = "no single fact (the rule tests that facts exist or are absent)";

    private FactText() {
    }

    public static String describe(List<Object> matched) {
        String text = matched.stream().filter(fact -> !(fact instanceof InitialFact)).map(FactText::one)
                .collect(Collectors.joining("; "));
        if (text.isEmpty()) {
            return NO_FACT_BOUND;
        }
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }

    static String one(Object fact) {
        if (fact instanceof RegionScore s) {
            return s.region().code() + " " + side(s.left()) + "/" + side(s.right());
        }
        if (fact instanceof Encounter e) {
            return "encounter: age " + e.ageYears() + ", session " + e.sessionNumber() + ", flare-up "
                    + (e.acuteFlareUp() ? "yes" : "no") + ", outcome " + e.outcome().code();
        }
        if (fact instanceof RedFlag f) {
            return "red flag " + f.key().key() + ": " + f.answer().name().toLowerCase(Locale.ROOT);
        }
        if (fact instanceof Imbalance i) {
            return "imbalance " + i.getRegion().code() + " " + i.getSide().code() + " by " + i.getDifference();
        }
        if (fact instanceof Balanced b) {
            return "balanced " + b.getRegion().code();
        }
        if (fact instanceof SideChoice c) {
            return "side choice " + c.getRegion().code() + " left " + c.getLeftSum() + " / right " + c.getRightSum();
        }
        if (fact instanceof Step s) {
            return "step " + s.getRegion().code() + " " + s.getSide().code();
        }
        if (fact instanceof StatusClaim c) {
            return "status claim " + c.getGate().name().toLowerCase(Locale.ROOT);
        }
        if (fact instanceof Thresholds t) {
            return "thresholds: imbalance " + t.imbalance() + ", front-back " + t.frontBack() + ", stabiliser "
                    + t.stabiliserTightness() + ", glute ban " + t.gluteBan().name().toLowerCase(Locale.ROOT);
        }
        if (fact instanceof RecruitedStabiliser r) {
            return "recruited " + r.getRegion().code();
        }
        if (fact instanceof Contraindications c) {
            return "contraindications: dvt " + c.dvtCurrentOrSuspected() + ", fracture " + c.fractureCurrent()
                    + ", anticoagulant " + c.anticoagulantOrBleedingDisorder() + ", thrombocytopenia "
                    + c.severeThrombocytopenia() + ", pregnancy " + c.pregnancy().code();
        }
        if (fact instanceof LocalLesion l) {
            return "lesion " + l.type().code() + " on " + l.region().code() + " " + l.side().code();
        }
        if (fact instanceof Surgery s) {
            return "surgery " + s.procedure().code() + " " + s.side().code() + ", "
                    + (s.weeksAgo() == null ? "date unknown" : s.weeksAgo() + " weeks ago");
        }
        if (fact instanceof PriorIntervention p) {
            return "prior " + p.intervention().code() + ": " + p.immediateEffect().code() + ", after 7 days "
                    + p.effectAfter7Days().code();
        }
        if (fact instanceof RequestedRegion r) {
            return "requested " + r.region().code();
        }
        if (fact instanceof StartBackAnswers a) {
            return "STarT Back total " + a.getTotal() + ", psychosocial " + a.getPsychosocial();
        }
        if (fact instanceof GluteBan g) {
            return "glute ban " + g.getCode();
        }
        if (fact instanceof Caution c) {
            return "caution " + c.getCode();
        }
        if (fact instanceof Collection<?> list) {
            return "[" + list.stream().map(FactText::one).collect(Collectors.joining(", ")) + "]";
        }
        return fact == null ? "null" : fact.getClass().getSimpleName();
    }

    private static String side(Integer score) {
        return score == null ? "-" : score.toString();
    }
}
