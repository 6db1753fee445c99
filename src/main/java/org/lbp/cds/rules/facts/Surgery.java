package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Procedure;
import org.lbp.cds.codes.SurgerySide;

/** A past operation; {@code weeksAgo} is counted back from the encounter date (null when the date is unknown). */
public record Surgery(Procedure procedure, SurgerySide side, Integer weeksAgo) {
}
