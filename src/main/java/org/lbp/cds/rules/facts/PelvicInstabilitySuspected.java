package org.lbp.cds.rules.facts;

/** Flag: hip surgery history suggests pelvic instability (C03). */
public final class PelvicInstabilitySuspected extends Explained {
}
