package org.lbp.cds.audit.api;

/**
 * The result of walking the hash chain.
 *
 * @param valid       every record's hash recomputed from its stored content matches, every link matches the
 *                    previous record, positions have no gap, and the chain head is the last record
 * @param records     records checked
 * @param firstBroken the first broken link, or null
 */
public record VerifyReport(boolean valid, long records, String headHash, BrokenLink firstBroken) {

    /** Where the chain first breaks, and why. */
    public record BrokenLink(long position, String evaluationId, String reason) {
    }
}
