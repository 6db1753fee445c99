package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.StartBackItem9;

/**
 * The optional STarT Back answers: items 1-8 agree = true; item 9 bothersomeness, which scores 1 only for
 * {@code very_much} or {@code extremely} (Keele's scoring).
 */
public record StartBackAnswers(boolean[] agree, StartBackItem9 item9) {

    private int item9Score() {
        return item9 == StartBackItem9.VERY_MUCH || item9 == StartBackItem9.EXTREMELY ? 1 : 0;
    }

    /** The overall score, 0-9. */
    public int getTotal() {
        int total = item9Score();
        for (boolean item : agree) {
            total += item ? 1 : 0;
        }
        return total;
    }

    /** The psychosocial subscale, items 5-9, 0-5. */
    public int getPsychosocial() {
        int score = item9Score();
        for (int i = 4; i < 8; i++) {
            score += agree[i] ? 1 : 0;
        }
        return score;
    }
}
