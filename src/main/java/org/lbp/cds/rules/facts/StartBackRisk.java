package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.RiskLevel;

/** Classification: the STarT Back risk group (S10), information only. */
public final class StartBackRisk extends Explained {

    private final RiskLevel level;

    public StartBackRisk(RiskLevel level) {
        this.level = level;
    }

    public RiskLevel getLevel() {
        return level;
    }
}
