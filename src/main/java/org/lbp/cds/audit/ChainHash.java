package org.lbp.cds.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail: a record's hash is SHA-256 over the previous record's hash and every field of
 * its own content, each field length-prefixed so that no two different records give the same input. Changing,
 * removing or reordering any stored field or firing breaks the chain at that record.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String previousHash, AuditEntry entry, long position) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        field(digest, previousHash);
        field(digest, Long.toString(position));
        field(digest, entry.evaluationId());
        field(digest, entry.evaluatedAtIso());
        field(digest, entry.caller());
        field(digest, entry.patientId());
        field(digest, entry.rulesetVersion());
        field(digest, entry.status());
        field(digest, entry.config());
        field(digest, entry.intake());
        field(digest, entry.protocol());
        field(digest, Integer.toString(entry.firings().size()));
        for (AuditEntry.FiringEntry firing : entry.firings()) {
            field(digest, Integer.toString(firing.sequence()));
            field(digest, firing.ruleId());
            field(digest, firing.ruleName());
            field(digest, firing.facts());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
        digest.update((byte) ';');
    }
}
