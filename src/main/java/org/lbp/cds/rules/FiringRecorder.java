package org.lbp.cds.rules;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.lbp.cds.rules.facts.Explained;

/**
 * Records, for one session, every rule firing (rule id, name, order, matched facts) and every fact inserted, in
 * order. It keeps references only; nothing is formatted while the rules fire. The explanation in the protocol and
 * the audit trail are built from this record, never from prints in rules.
 */
final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /**
     * Room for what the rules add, so that the lists are not copied as they grow: the catalogue fires 13 times per
     * evaluation on average and derives about as many facts.
     */
    static final int DERIVED_ROOM = 32;

    private final List<Firing> firings = new ArrayList<>(DERIVED_ROOM);
    private final List<Object> inserted;

    /** A recorder for a run given this many facts. */
    FiringRecorder(int given) {
        inserted = new ArrayList<>(given + DERIVED_ROOM);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        firings.add(new Firing(firings.size() + 1, Explained.ruleId(rule), rule.getName(), event.getMatch().getObjects()));
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        inserted.add(event.getObject());
    }

    /** A fact given to the run but not inserted, because no pattern of the knowledge base accepts it, in its place. */
    void given(Object fact) {
        inserted.add(fact);
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // facts are never updated by the rules
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        inserted.remove(event.getOldObject());
    }

    List<Firing> firings() {
        return firings;
    }

    List<Object> inserted() {
        return inserted;
    }
}
