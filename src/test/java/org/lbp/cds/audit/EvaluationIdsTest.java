package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.api.Protocol;

/** Evaluation ids are UUIDs of version 7: the evaluation's time first, so that later ids sort after earlier ones. */
class EvaluationIdsTest {

    private static final Instant AT = Instant.parse("2026-11-26T16:50:00.123Z");

    @Test
    @DisplayName("An id is a version-7 UUID in the usual text form, its first 48 bits the evaluation's time in milliseconds")
    void versionSevenWithTheTime() {
        UUID id = EvaluationIds.next(AT);
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the IETF variant");
        assertEquals(id, UUID.fromString(id.toString()));
        assertEquals(36, id.toString().length());
        assertEquals(AT.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    @DisplayName("Ids of later evaluations sort after earlier ones, as text (the audit store's index) and as UUIDs")
    void laterSortsAfter() {
        List<String> ids = new ArrayList<>();
        for (int ms = 0; ms < 2_000; ms += 7) {
            ids.add(EvaluationIds.next(AT.plusMillis(ms)).toString());
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted);
        assertTrue(UUID.fromString(ids.get(0)).compareTo(UUID.fromString(ids.get(ids.size() - 1))) < 0);
    }

    @Test
    @DisplayName("Ids made in the same millisecond differ: 74 random bits each")
    void sameMillisecondStillUnique() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(EvaluationIds.next(AT));
        }
        assertEquals(20_000, ids.size());
    }

    @Test
    @DisplayName("A protocol's evaluation id carries its evaluatedAt")
    void protocolIdCarriesItsTime() {
        Protocol protocol = Clinic.fromFile("examples/classic-right-quads.json").evaluate();
        UUID id = UUID.fromString(protocol.evaluationId());
        assertEquals(7, id.version());
        assertEquals(Clinic.NOW.toEpochMilli(), id.getMostSignificantBits() >>> 16);
        assertEquals(Clinic.NOW, protocol.evaluatedAt());
    }
}
