package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.RedFlagGroup;
import org.lbp.cds.codes.RedFlagKey;

/** One red-flag question and its answer: yes, no, or not asked yet (never read as a no). */
public record RedFlag(RedFlagKey key, Answer answer) {

    public enum Answer { YES, NO, UNANSWERED }

    public RedFlagGroup getGroup() {
        return key.group();
    }

    public boolean isPresent() {
        return answer == Answer.YES;
    }

    public boolean isUnanswered() {
        return answer == Answer.UNANSWERED;
    }

    /** The intake field this answer came from, as error paths name it. */
    public String getField() {
        return "redFlags." + key.key();
    }
}
