package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.StartBackItem9;

/** The optional STarT Back answers (items 1-8 agree = true; item 9 bothersomeness). */
public record StartBackAnswers(boolean[] agree, StartBackItem9 item9) {
}
