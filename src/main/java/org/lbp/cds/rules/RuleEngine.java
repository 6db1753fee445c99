package org.lbp.cds.rules;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kie.api.runtime.KieSession;

import io.quarkus.runtime.StartupEvent;

/**
 * The knowledge base of the running service, shared by every evaluation: the executable model generated from the
 * packaged {@code rules/} at build time ({@link ExecutableModel}), or the DRL compiled at start-up when the rules are
 * read from a folder ({@code lbp.rules.location}) or differ from the ones the model was generated from. Each evaluation
 * runs in a session of its own, taken from the ruleset's pool; Drools resets a pooled session when it is given back
 * (its working memory, agenda, node memories, fact handles and listeners), so nothing carries over from one patient to
 * the next ({@code SessionReuseProperties} compares every run in a reused session with the same run in a new one) and
 * concurrent evaluations are safe. The service refuses to start when a rule does not compile or there are no rules.
 */
@ApplicationScoped
public class RuleEngine {

    /**
     * The phases of an evaluation, as DRL agenda groups, in the order they run. A rule that reasons about the
     * absence of derived facts ({@code not StatusClaim()}, {@code not Imbalance(...)}, {@code not Step(...)}) sits in a
     * phase after the one that derives them, so its answer never depends on firing order:
     * <ol>
     * <li>{@code screening}: scope, red flags, mapping sufficiency: whether a protocol may be given (StatusClaim);</li>
     * <li>{@code classification}: which regions are imbalanced, on which side; recruited stabilisers;</li>
     * <li>{@code recommendation}: steps, avoid items, warnings, referrals from the classification;</li>
     * <li>{@code exclusion}: steps dropped for a local lesion on their region and side (S08);</li>
     * <li>{@code review}: rules about the protocol as a whole: no stabiliser step without a leg step (R14), the dose
     * cap (S07), the low-back avoid when no low-back step remains (R10).</li>
     * </ol>
     * Rules without an agenda group (MAIN) hold in every case and depend on nothing derived (R01, R02, R17).
     */
    public static final List<String> PHASES = List.of("screening", "classification", "recommendation", "exclusion",
            "review");

    /**
     * The most rule firings one evaluation may take. The catalogue fires 13 on average and never more than a few
     * dozen; a rule that keeps matching what it inserts (a faulty rule, e.g. edited in a rules folder) would otherwise
     * hold a request thread and a core for ever. One firing more fails the evaluation: no protocol, a 500, an error logged.
     */
    public static final int MAX_FIRINGS = 10_000;

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    private final String location;
    private volatile CompiledRuleset ruleset;

    public RuleEngine(@ConfigProperty(name = "lbp.rules.location", defaultValue = "classpath") String location) {
        this.location = location;
    }

    void onStart(@Observes StartupEvent event) {
        ruleset();
    }

    /** The loaded ruleset, compiled on first use. */
    public CompiledRuleset ruleset() {
        CompiledRuleset current = ruleset;
        if (current == null) {
            synchronized (this) {
                if (ruleset == null) {
                    ruleset = load();
                }
                current = ruleset;
            }
        }
        return current;
    }

    private CompiledRuleset load() {
        long start = System.nanoTime();
        ClassLoader classLoader = RuleEngine.class.getClassLoader();
        boolean bundled = "classpath".equals(location);
        // the bundled rules' load began at the entry point (RulesPreload), beside Quarkus' own start-up steps
        if (!bundled) {
            RulesPreload.discard(); // the rules come from a folder: the bundled ones are not used
        }
        CompiledRuleset compiled = bundled ? RulesPreload.take().orElse(null) : null;
        String form = "executable model built with the service, loaded from the entry point on";
        if (compiled == null) {
            RulesetSource source = bundled
                    ? RulesetSource.fromClasspath(classLoader, "rules")
                    : RulesetSource.fromDirectory(Path.of(location));
            StringBuilder reason = new StringBuilder();
            compiled = bundled ? ExecutableModel.load(source, classLoader, reason).orElse(null) : null;
            form = "executable model built with the service";
            if (compiled == null) {
                if (!reason.isEmpty()) {
                    LOG.warnf("Compiling the DRL at start-up: %s", reason);
                }
                compiled = CompiledRuleset.compile(source, classLoader);
                form = "DRL compiled at start-up";
            }
        }
        LOG.infof("Knowledge base loaded from %s (%s): %d rules in %d files, version %s, in %d ms; %d red-flag answers"
                + " no rule can match are left out of its sessions", location, form, compiled.rules().size(),
                compiled.source().files().size(), compiled.version(), (System.nanoTime() - start) / 1_000_000,
                compiled.unmatchable().count());
        return compiled;
    }

    /** Runs the rules over the facts of one intake in a pooled session: screening first, then everything else. */
    public RuleRun run(Collection<?> facts) {
        return run(ruleset(), facts);
    }

    /** Runs a given ruleset (the loaded one, or an earlier one kept for replay) in a session from its pool. */
    public static RuleRun run(CompiledRuleset ruleset, Collection<?> facts) {
        return runIn(ruleset.sessions().newKieSession(), ruleset, facts);
    }

    /**
     * Runs the facts in an empty session of this ruleset's knowledge base: screening first, then every other phase.
     * A fact no pattern of the knowledge base accepts ({@link UnmatchableFacts}: today the red flags answered no) is
     * not inserted, as Drools would drop it at once, but the run's record holds it in its place among the facts given.
     * Disposes the session at the end, also when a rule fails; a pooled session then goes back to its pool, reset.
     */
    public static RuleRun runIn(KieSession session, CompiledRuleset ruleset, Collection<?> facts) {
        UnmatchableFacts unmatchable = ruleset.unmatchable();
        String rulesetVersion = ruleset.version();
        try {
            FiringRecorder recorder = new FiringRecorder(facts.size());
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
            for (Object fact : facts) {
                if (unmatchable.contains(fact)) {
                    recorder.given(fact);
                } else {
                    session.insert(fact);
                }
            }
            for (int phase = PHASES.size() - 1; phase >= 0; phase--) {
                org.kie.api.runtime.rule.AgendaGroup group = session.getAgenda().getAgendaGroup(PHASES.get(phase));
                if (group != null) { // a ruleset without rules in a phase (one read from a folder, a test's) has no group
                    group.setFocus();
                }
            }
            if (session.fireAllRules(MAX_FIRINGS + 1) > MAX_FIRINGS) {
                throw new RulesDidNotSettleException(rulesetVersion, recorder.firings());
            }
            return new RuleRun(rulesetVersion, recorder.inserted(), recorder.firings());
        } finally {
            session.dispose();
        }
    }
}
