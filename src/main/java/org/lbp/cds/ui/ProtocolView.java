package org.lbp.cds.ui;

import java.util.ArrayList;
import java.util.List;

import org.lbp.cds.codes.Status;
import org.lbp.cds.evaluation.api.AvoidEntry;
import org.lbp.cds.evaluation.api.MissingEntry;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.evaluation.api.ProtocolStep;
import org.lbp.cds.evaluation.api.ReferralEntry;
import org.lbp.cds.evaluation.api.WarningEntry;

/** A protocol as the pages show it: labels in words, and where each step and avoided zone goes on the diagram. */
public record ProtocolView(
        String evaluationId, String rulesetVersion, String evaluatedAt, String patientId,
        String status, String statusLabel, boolean ok, boolean stop,
        List<StepView> steps, List<AvoidView> avoid, List<ReferralView> referrals, List<WarningView> warnings,
        List<String> recommendations, List<String> missing, List<String> flags, List<Mark> marks, String disclaimer) {

    public record StepView(int order, String region, String side, String technique, String performer, String load,
            String rationale, String ruleIds, int x, int y) {

        /** The baseline of the step's number inside its circle. */
        public int textY() {
            return y + 4;
        }
    }

    public record AvoidView(String item, String where, String reason, String ruleIds) {
    }

    public record ReferralView(String urgency, String to, String reasons, String ruleIds) {
    }

    public record WarningView(String code, String message, String ruleIds) {
    }

    /** An avoided zone on the diagram. */
    public record Mark(int x, int y, String label) {

        /** The cross drawn over the zone. */
        public String cross() {
            return "M" + (x - 6) + " " + (y - 6) + " L" + (x + 6) + " " + (y + 6) + " M" + (x + 6) + " " + (y - 6) + " L"
                    + (x - 6) + " " + (y + 6);
        }
    }

    public static ProtocolView of(Protocol p) {
        List<StepView> steps = new ArrayList<>();
        for (ProtocolStep s : p.steps()) {
            String region = s.region().code();
            String side = s.side().code();
            steps.add(new StepView(s.order(), Labels.of(region), side, Labels.of(s.technique().code()),
                    Labels.of(s.performer().code()), Labels.of(s.dose().load().code()), s.rationale(), String.join(", ", s.ruleIds()),
                    BodyMap.x(region, side), BodyMap.y(region)));
        }
        List<AvoidView> avoid = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        for (AvoidEntry a : p.avoid()) {
            String where = a.region() == null ? "" : Labels.of(a.region()) + (a.side() == null ? "" : ", " + a.side().code());
            avoid.add(new AvoidView(Labels.of(a.item().code()), where, a.reason(), String.join(", ", a.ruleIds())));
            switch (a.item()) {
                case FOAM_ROLL_LOW_BACK -> marks.add(new Mark(150, 205, "Never roll the low back"));
                case ROLL_SPINE_OR_LOWER_RIBS -> marks.add(new Mark(150, 120, "Never roll the spine or lower ribs"));
                case FOAM_ROLL_IT_BAND -> {
                    marks.add(new Mark(BodyMap.x("it_band", "left"), BodyMap.y("it_band"), "IT band: never rolled"));
                    marks.add(new Mark(BodyMap.x("it_band", "right"), BodyMap.y("it_band"), "IT band: never rolled"));
                }
                case PRESSURE_ON_LOCAL_LESION -> marks.add(new Mark(BodyMap.x(a.region(), a.side() == null ? null : a.side().code()),
                        BodyMap.y(a.region()), "Local lesion: no pressure"));
                case GLUTE_WORK_THIS_SESSION -> {
                    marks.add(new Mark(BodyMap.x("glutes", "left"), BodyMap.y("glutes"), "No glute work this session"));
                    marks.add(new Mark(BodyMap.x("glutes", "right"), BodyMap.y("glutes"), "No glute work this session"));
                }
                default -> {
                }
            }
        }
        List<ReferralView> referrals = new ArrayList<>();
        for (ReferralEntry r : p.referrals()) {
            referrals.add(new ReferralView(r.urgency().code(), Labels.of(r.to().code()), String.join(", ", r.reasonCodes()),
                    String.join(", ", r.ruleIds())));
        }
        List<WarningView> warnings = new ArrayList<>();
        for (WarningEntry w : p.warnings()) {
            warnings.add(new WarningView(w.code(), w.message(), String.join(", ", w.ruleIds())));
        }
        List<String> missing = new ArrayList<>();
        for (MissingEntry m : p.missing()) {
            missing.add(m.field() + " (" + Labels.of(m.code().name()) + ")");
        }
        List<String> flags = new ArrayList<>();
        if (p.flags().pelvicInstabilitySuspected()) {
            flags.add("Pelvic instability suspected");
        }
        if (!p.flags().recruitedStabilisers().isEmpty()) {
            flags.add("Recruited stabilisers: " + String.join(", ",
                    p.flags().recruitedStabilisers().stream().map(r -> Labels.of(r.code())).toList()));
        }
        if (p.flags().nonResponse()) {
            flags.add("Not responding to the protocol");
        }
        if (p.flags().startBackRisk() != null) {
            flags.add("STarT Back risk: " + p.flags().startBackRisk().code());
        }
        return new ProtocolView(p.evaluationId(), p.rulesetVersion(), p.evaluatedAt().toString(), p.patientId(),
                p.status().code(), Labels.of(p.status().code()), p.status() == Status.OK, p.status() == Status.STOP_REFER,
                steps, avoid, referrals, warnings, p.recommendations().stream().map(Labels::of).toList(), missing, flags, marks,
                p.disclaimer());
    }
}
