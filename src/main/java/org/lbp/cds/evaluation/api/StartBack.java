package org.lbp.cds.evaluation.api;

import org.lbp.cds.codes.StartBackItem9;

/** STarT Back: items 1-8 agree = true; item 9 bothersomeness. */
public record StartBack(Boolean item1, Boolean item2, Boolean item3, Boolean item4, Boolean item5, Boolean item6,
        Boolean item7, Boolean item8, StartBackItem9 item9) {
}
