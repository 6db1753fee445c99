package org.lbp.cds.rules.facts;

import java.util.List;

import org.lbp.cds.codes.ReferralTarget;
import org.lbp.cds.codes.Urgency;

/** Recommendation: send the patient on, how urgently, to whom, and why. */
public final class Referral extends Explained {

    private final Urgency urgency;
    private final ReferralTarget to;
    private final List<String> reasonCodes;

    public Referral(Urgency urgency, ReferralTarget to, String... reasonCodes) {
        this.urgency = urgency;
        this.to = to;
        this.reasonCodes = List.of(reasonCodes);
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public ReferralTarget getTo() {
        return to;
    }

    public List<String> getReasonCodes() {
        return reasonCodes;
    }
}
