package org.lbp.cds.evaluation.api;

/** Tightness 0-10 on each side; null when that side was not mapped. */
public record SideScores(Integer left, Integer right) {
}
