package org.lbp.cds.rules.facts;

/** Classification: an earlier low-back release or rolling relieved, then re-tightened or hurt more within about a week (R11). */
public final class Retightening extends Explained {
}
