package org.lbp.cds.evaluation.api;

import org.lbp.cds.codes.LesionType;
import org.lbp.cds.codes.Region;
import org.lbp.cds.codes.Side;

public record LocalLesionEntry(Region region, Side side, LesionType type) {
}
