package org.lbp.cds.rules.facts;

import org.lbp.cds.codes.LesionType;
import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.Side;

/** A local lesion on one side of a mapped region: no pressure there (S08). */
public record LocalLesion(Region region, Side side, LesionType type) {
}
