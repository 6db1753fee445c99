package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.Region;

/** A region the patient asks to have worked on. */
public record RequestedRegion(Region region) {
}
