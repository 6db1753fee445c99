package org.lbp.cds.audit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Evaluation ids: UUIDs of version 7 (RFC 9562), the evaluation's time in milliseconds followed by 74 random bits.
 * Ids made later sort after ids made earlier, so that the audit store's unique index on them grows at its end like
 * the trail itself, instead of taking each new id at a random place in the index: on the embedded store, a random
 * insert rewrites an old index page and leaves part of an old chunk dead, which H2 must then compact.
 */
public final class EvaluationIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EvaluationIds() {
    }

    /** A new id for an evaluation made at {@code at}. */
    public static UUID next(Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = at.toEpochMilli();
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
