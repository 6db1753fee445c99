package org.lbp.cds.rules.facts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.drools.model.Drools;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A fact that a rule derived, carrying the catalogue ids of the rules behind it.
 *
 * <p>A rule cites itself ({@link #by(RuleContext)}, which reads the rule's {@code @id} metadata at run time) and the
 * derived facts it matched ({@link #from(Explained...)}), so every id a step, avoid item, referral or warning lists is
 * the id of a rule that fired for this intake.
 */
public abstract class Explained {

    private final Set<String> ruleIds = new LinkedHashSet<>(4);

    /** The catalogue id of a rule: its {@code @id} metadata (quotes removed, as executable-model builds keep them). */
    public static String ruleId(Rule rule) {
        Object id = rule.getMetaData().get("id");
        if (id == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" has no @id metadata");
        }
        return UNQUOTED.computeIfAbsent(id.toString(), Explained::unquote);
    }

    /**
     * Each id's text as the metadata holds it, to the id: read at every firing (by the recorder and by {@link #by}),
     * it is then neither cut nor hashed anew each time. As many entries as distinct ids ever loaded (69 for the
     * catalogue), the same for every knowledge base of the same rules.
     */
    private static final Map<String, String> UNQUOTED = new ConcurrentHashMap<>();

    /** A metadata value's text without the quotes executable-model builds keep around it. */
    public static String unquote(String text) {
        return text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }

    @SuppressWarnings("unchecked")
    private <T extends Explained> T self() {
        return (T) this;
    }

    /** Cites the rule now firing. */
    public <T extends Explained> T by(RuleContext drools) {
        ruleIds.add(ruleId(drools.getRule()));
        return self();
    }

    /**
     * Cites the rule now firing, in the executable model (the build-time knowledge base), whose consequences see
     * {@code drools} as a {@link Drools} that is also a {@link RuleContext}.
     */
    public <T extends Explained> T by(Drools drools) {
        return by((RuleContext) drools);
    }

    /** Cites the rules behind the facts this one was derived from. */
    public <T extends Explained> T from(Explained... causes) {
        for (Explained cause : causes) {
            ruleIds.addAll(cause.ruleIds);
        }
        return self();
    }

    /** Cites the rules behind every fact of a collection (as bound by {@code collect}). */
    public <T extends Explained> T fromAll(Collection<?> causes) {
        for (Object cause : causes) {
            if (cause instanceof Explained explained) {
                ruleIds.addAll(explained.ruleIds);
            }
        }
        return self();
    }

    /** Adds the firing rule's id to a fact another rule made (an order or technique rule confirming a step). */
    public void confirmedBy(RuleContext drools) {
        ruleIds.add(ruleId(drools.getRule()));
    }

    /** {@link #confirmedBy(RuleContext)} in the executable model. */
    public void confirmedBy(Drools drools) {
        confirmedBy((RuleContext) drools);
    }

    public boolean citedBy(String ruleId) {
        return ruleIds.contains(ruleId);
    }

    public List<String> getRuleIds() {
        return List.copyOf(ruleIds);
    }

    void mergeRuleIds(Explained other) {
        ruleIds.addAll(other.ruleIds);
    }
}
