package org.lbp.cds.rules;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.lbp.cds.codes.RedFlagKey;
import org.lbp.cds.rules.facts.RedFlag;

/**
 * The red-flag answers that no pattern of one knowledge base accepts, found by asking Drools itself when the knowledge
 * base is built. Such a fact can never take part in a match (not through {@code not}, {@code exists}, {@code collect}
 * or a join either: every pattern begins in the alpha network that refused it), and the knowledge base is immutable,
 * so no rule added later could match it. Drools drops it from the session's store as soon as it is inserted; the
 * evaluations leave it out of their sessions instead, and still record it among the run's facts, where it was given
 * ({@link RuleEngine#runIn}). The firings and the record are the same either way; what is saved is Drools' insertion
 * of about 20 facts (a new handle, the alpha tests, the events, the removal): 0.86 × the rules' time side by side.
 *
 * <p>Only red flags are probed: 21 questions with 3 answers each, a domain small enough to try in full, and the
 * largest group of facts in an intake. With today's catalogue the 21 answers {@code NO} are unmatchable (the rules
 * match a flag present or unanswered); a rule that reads a {@code NO}, added to the catalogue or in a rules folder,
 * makes those answers matchable in its knowledge base, and they are inserted again.
 */
final class UnmatchableFacts {

    private static final int ANSWERS = RedFlag.Answer.values().length;

    /** By {@code key.ordinal() * ANSWERS + answer.ordinal()}: whether no pattern accepts that answer. */
    private final boolean[] redFlags;
    private final int count;

    private UnmatchableFacts(boolean[] redFlags) {
        this.redFlags = redFlags;
        int unmatchable = 0;
        for (boolean refused : redFlags) {
            unmatchable += refused ? 1 : 0;
        }
        this.count = unmatchable;
    }

    /**
     * Inserts every possible red-flag answer into one new session of the knowledge base and lets Drools propagate them
     * without firing any rule: the answers no pattern accepted are the ones gone from the session's store. Whether a
     * pattern accepts a fact depends on that fact alone (the alpha network tests one fact at a time), so one session
     * holding all of them answers for each.
     */
    static UnmatchableFacts of(KieBase kieBase) {
        List<RedFlag> all = new ArrayList<>();
        for (RedFlagKey key : RedFlagKey.values()) {
            for (RedFlag.Answer answer : RedFlag.Answer.values()) {
                all.add(new RedFlag(key, answer));
            }
        }
        boolean[] refused = new boolean[all.size()];
        KieSession session = kieBase.newKieSession();
        try {
            all.forEach(session::insert);
            session.fireAllRules(match -> false); // propagates the insertions; fires nothing
            for (int i = 0; i < all.size(); i++) {
                refused[i] = session.getFactHandle(all.get(i)) == null;
            }
        } finally {
            session.dispose();
        }
        return new UnmatchableFacts(refused);
    }

    /** Whether no pattern of the knowledge base accepts this fact. */
    boolean contains(Object fact) {
        return fact instanceof RedFlag flag && redFlags[flag.key().ordinal() * ANSWERS + flag.answer().ordinal()];
    }

    /** How many red-flag answers are unmatchable. */
    int count() {
        return count;
    }
}
