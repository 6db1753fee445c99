package org.lbp.cds.audit.api;

/** Rejected requests (400) over a period [from, to): counted, never stored with their bodies. */
public record RejectionReport(String from, String to, long rejectedRequests) {
}
