package org.lbp.cds.evaluation;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.lbp.cds.codes.Region;
import org.lbp.cds.evaluation.api.Intake;
import org.lbp.cds.evaluation.api.LocalLesionEntry;
import org.lbp.cds.evaluation.api.PriorInterventionEntry;
import org.lbp.cds.evaluation.api.SideScores;
import org.lbp.cds.evaluation.api.StartBack;
import org.lbp.cds.evaluation.api.SurgeryEntry;
import org.lbp.cds.rules.facts.Contraindications;
import org.lbp.cds.rules.facts.Encounter;
import org.lbp.cds.rules.facts.LocalLesion;
import org.lbp.cds.rules.facts.PriorIntervention;
import org.lbp.cds.rules.facts.RedFlag;
import org.lbp.cds.rules.facts.RegionScore;
import org.lbp.cds.rules.facts.RequestedRegion;
import org.lbp.cds.rules.facts.StartBackAnswers;
import org.lbp.cds.rules.facts.Surgery;
import org.lbp.cds.rules.facts.Thresholds;
import org.lbp.cds.codes.RedFlagKey;

/**
 * Turns a valid intake into the facts the rules read. Dates become numbers relative to the encounter date here, so
 * the rules never read a clock; every region gets a score fact (null sides when not mapped), every red-flag question
 * an answer (unanswered when null or missing).
 */
public final class FactMapper {

    private FactMapper() {
    }

    public static List<Object> facts(Intake intake, Thresholds thresholds) {
        List<Object> facts = new ArrayList<>(48);
        facts.add(thresholds);
        Integer daysSinceOnset = intake.episode().onsetDate() == null ? null
                : (int) ChronoUnit.DAYS.between(intake.episode().onsetDate(), intake.encounterDate());
        facts.add(new Encounter(
                intake.ageYears(),
                intake.sessionNumber(),
                intake.episode().acuteFlareUp(),
                intake.episode().newEpisode(),
                daysSinceOnset,
                intake.pain().locations().isEmpty() ? EnumSet.noneOf(org.lbp.cds.codes.PainLocation.class)
                        : EnumSet.copyOf(intake.pain().locations()),
                intake.pain().severityNow(),
                intake.pain().severityAtSession1(),
                intake.progress().outcomeSinceLastSession(),
                intake.mapping().method(),
                intake.mapping().lowBackTightnessFelt(),
                intake.mapping().lowBackTightnessPalpated(),
                Boolean.TRUE.equals(intake.mapping().shoulderImbalanceObserved()),
                intake.consent() != null && Boolean.TRUE.equals(intake.consent().lowBackRelease()),
                Boolean.TRUE.equals(intake.medicalClearance())));

        Map<String, SideScores> scores = intake.mapping().scores();
        for (Region region : Region.values()) {
            SideScores sides = scores.get(region.code());
            facts.add(new RegionScore(region, sides == null ? null : sides.left(), sides == null ? null : sides.right()));
        }
        for (RedFlagKey key : RedFlagKey.values()) {
            Boolean answer = intake.redFlags().get(key.key());
            facts.add(new RedFlag(key, answer == null ? RedFlag.Answer.UNANSWERED
                    : answer ? RedFlag.Answer.YES : RedFlag.Answer.NO));
        }

        var contraindications = intake.contraindications();
        facts.add(new Contraindications(contraindications.dvtCurrentOrSuspected(), contraindications.fractureCurrent(),
                contraindications.anticoagulantOrBleedingDisorder(),
                Boolean.TRUE.equals(contraindications.severeThrombocytopenia()), contraindications.pregnancy()));
        for (LocalLesionEntry lesion : contraindications.localLesions()) {
            facts.add(new LocalLesion(lesion.region(), lesion.side(), lesion.type()));
        }
        for (SurgeryEntry surgery : intake.surgicalHistory()) {
            Integer weeksAgo = surgery.date() == null ? null
                    : (int) ChronoUnit.WEEKS.between(surgery.date(), intake.encounterDate());
            facts.add(new Surgery(surgery.procedure(), surgery.side(), weeksAgo));
        }
        for (PriorInterventionEntry prior : intake.priorInterventions()) {
            facts.add(new PriorIntervention(prior.intervention(), prior.immediateEffect(), prior.effectAfter7Days()));
        }
        for (Region region : intake.requestedRegions()) {
            facts.add(new RequestedRegion(region));
        }
        StartBack startBack = intake.startBack();
        if (startBack != null) {
            facts.add(new StartBackAnswers(new boolean[] {startBack.item1(), startBack.item2(), startBack.item3(),
                    startBack.item4(), startBack.item5(), startBack.item6(), startBack.item7(), startBack.item8()},
                    startBack.item9()));
        }
        return facts;
    }
}
