package org.lbp.cds.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.RiskLevel;
import org.lbp.cds.codes.Status;
import org.lbp.cds.evaluation.api.AvoidEntry;
import org.lbp.cds.evaluation.api.Dose;
import org.lbp.cds.evaluation.api.FiredRule;
import org.lbp.cds.evaluation.api.Flags;
import org.lbp.cds.evaluation.api.MissingEntry;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.evaluation.api.ProtocolStep;
import org.lbp.cds.evaluation.api.ReferralEntry;
import org.lbp.cds.evaluation.api.WarningEntry;
import org.lbp.cds.rules.Firing;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Avoid;
import org.lbp.cds.rules.facts.Disclaimer;
import org.lbp.cds.rules.facts.Missing;
import org.lbp.cds.rules.facts.NonResponse;
import org.lbp.cds.rules.facts.PelvicInstabilitySuspected;
import org.lbp.cds.rules.facts.StartBackRisk;
import org.lbp.cds.rules.facts.RecruitedStabiliser;
import org.lbp.cds.rules.facts.Recommendation;
import org.lbp.cds.rules.facts.Referral;
import org.lbp.cds.rules.facts.StatusClaim;
import org.lbp.cds.rules.facts.Step;
import org.lbp.cds.rules.facts.Warning;

/**
 * Builds the protocol from what the rules derived. It decides nothing clinical: the status is the strongest gate
 * claimed (precedence is data on the gate), steps are ordered by their region's rank, and items that several rules
 * produced are merged with the ids of all of them.
 */
public final class ProtocolAssembler {

    /** Steps by their region's rank, then side. */
    private static final Comparator<Step> STEP_ORDER = Comparator.comparingInt(Step::getRank).thenComparing(Step::getSide);

    private static final Comparator<AvoidEntry> AVOID_ORDER = Comparator.comparing(AvoidEntry::item)
            .thenComparing(AvoidEntry::region, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AvoidEntry::side, Comparator.nullsFirst(Comparator.naturalOrder()));

    private ProtocolAssembler() {
    }

    public static Protocol assemble(String evaluationId, Instant evaluatedAt, String patientId, RuleRun run) {
        Status status = run.all(StatusClaim.class).stream()
                .min(Comparator.comparingInt(claim -> claim.getGate().precedence()))
                .map(claim -> claim.getGate().status())
                .orElse(Status.OK);
        return new Protocol(evaluationId, run.rulesetVersion(), evaluatedAt, patientId, status,
                status == Status.OK ? steps(run) : List.of(),
                avoid(run), referrals(run), warnings(run), recommendations(run), missing(run), flags(run),
                firedRules(run), disclaimer(run));
    }

    private static List<ProtocolStep> steps(RuleRun run) {
        List<Step> steps = new ArrayList<>(run.all(Step.class));
        steps.sort(STEP_ORDER);
        List<ProtocolStep> ordered = new ArrayList<>(steps.size());
        for (Step step : steps) {
            ordered.add(new ProtocolStep(ordered.size() + 1, step.getRegion(), step.getSide(), step.getTechnique(),
                    step.getPerformer(), new Dose(step.getLoad(), null), step.isRecheckAfter(), step.getRationale(),
                    step.getRuleIds()));
        }
        return ordered;
    }

    private static List<AvoidEntry> avoid(RuleRun run) {
        Map<List<Object>, List<Avoid>> byItem = new LinkedHashMap<>();
        for (Avoid avoid : run.all(Avoid.class)) {
            byItem.computeIfAbsent(java.util.Arrays.asList(avoid.getItem(), avoid.getRegion(), avoid.getSide()),
                    key -> new ArrayList<>()).add(avoid);
        }
        List<AvoidEntry> entries = new ArrayList<>();
        for (List<Avoid> same : byItem.values()) {
            Avoid first = same.get(0);
            entries.add(new AvoidEntry(first.getItem(), first.getRegion(), first.getSide(), first.getReason(), ids(same)));
        }
        entries.sort(AVOID_ORDER);
        return entries;
    }

    private static List<ReferralEntry> referrals(RuleRun run) {
        Map<List<Object>, List<Referral>> byTarget = new LinkedHashMap<>();
        for (Referral referral : run.all(Referral.class)) {
            byTarget.computeIfAbsent(List.of(referral.getUrgency(), referral.getTo()), key -> new ArrayList<>()).add(referral);
        }
        List<ReferralEntry> entries = new ArrayList<>();
        for (List<Referral> same : byTarget.values()) {
            Set<String> reasons = new LinkedHashSet<>();
            same.forEach(referral -> reasons.addAll(referral.getReasonCodes()));
            entries.add(new ReferralEntry(same.get(0).getUrgency(), same.get(0).getTo(), List.copyOf(reasons), ids(same)));
        }
        entries.sort(Comparator.comparing(ReferralEntry::urgency));
        return entries;
    }

    private static List<WarningEntry> warnings(RuleRun run) {
        Map<String, List<Warning>> byCode = new LinkedHashMap<>();
        for (Warning warning : run.all(Warning.class)) {
            byCode.computeIfAbsent(warning.getCode(), key -> new ArrayList<>()).add(warning);
        }
        List<WarningEntry> entries = new ArrayList<>();
        // One entry per code; the distinct messages of several findings (e.g. both legs) are joined.
        byCode.forEach((code, same) -> {
            Set<String> messages = new LinkedHashSet<>();
            same.forEach(warning -> messages.add(warning.getMessage()));
            entries.add(new WarningEntry(code, String.join(" ", messages), ids(same)));
        });
        return entries;
    }

    private static List<String> recommendations(RuleRun run) {
        Set<String> codes = new LinkedHashSet<>();
        run.all(Recommendation.class).forEach(recommendation -> codes.add(recommendation.getCode()));
        return List.copyOf(codes);
    }

    private static List<MissingEntry> missing(RuleRun run) {
        Set<MissingEntry> entries = new LinkedHashSet<>();
        run.all(Missing.class).forEach(missing -> entries.add(new MissingEntry(missing.getField(), missing.getCode())));
        return List.copyOf(entries);
    }

    private static Flags flags(RuleRun run) {
        Set<Region> recruited = EnumSet.noneOf(Region.class);
        run.all(RecruitedStabiliser.class).forEach(stabiliser -> recruited.add(stabiliser.getRegion()));
        RiskLevel startBack = run.all(StartBackRisk.class).stream().map(StartBackRisk::getLevel)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Flags(!run.all(PelvicInstabilitySuspected.class).isEmpty(), List.copyOf(recruited),
                !run.all(NonResponse.class).isEmpty(), startBack);
    }

    private static List<FiredRule> firedRules(RuleRun run) {
        List<FiredRule> fired = new ArrayList<>(run.firings().size());
        for (Firing firing : run.firings()) {
            fired.add(new FiredRule(firing.ruleId(), firing.ruleName(), firing.sequence()));
        }
        return fired;
    }

    private static String disclaimer(RuleRun run) {
        return run.all(Disclaimer.class).stream().map(Disclaimer::getText).filter(Objects::nonNull)
                .filter(text -> !text.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the rules produced no disclaimer (R17)"));
    }

    private static List<String> ids(List<? extends org.lbp.cds.rules.facts.Explained> same) {
        Set<String> ids = new LinkedHashSet<>();
        same.forEach(item -> ids.addAll(item.getRuleIds()));
        return List.copyOf(ids);
    }
}
