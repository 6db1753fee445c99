package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.audit.api.FiringView;
import org.lbp.cds.audit.api.RecordView;
import org.lbp.cds.audit.api.RuleFiringCount;

/**
 * Records written before the firings moved into the record row (schema version 2, one rule_firing row per firing)
 * are carried over by the V3 migration: same firings in the same order, every hash still valid, still found by rule.
 * Runs on H2 and, in the second test run, on PostgreSQL.
 */
class AuditMigrationTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    @DisplayName("Records and firings stored in the version 2 schema keep their hashes and firings after the migration")
    void firingsMovedIntoTheRecordRow() throws Exception {
        try (TestStore store = TestStore.create()) {
            String vendor = TestStore.postgres() ? "postgresql" : "h2";
            Flyway.configure().dataSource(store.url(), store.user(), "").locations("classpath:db/migration/" + vendor)
                    .target(TestStore.postgres() ? "1" : "2").load().migrate(); // the last schema with rule_firing rows
            List<AuditEntry> entries = List.of(
                    entry("e-1", List.of(new AuditEntry.FiringEntry(1, "R01", "Never roll the low back", "Encounter(age 42)"),
                            new AuditEntry.FiringEntry(2, "R05", "A region is balanced", "RegionScore(adductors 4/4)"),
                            new AuditEntry.FiringEntry(3, "R05", "A region is balanced", "RegionScore(hamstrings 4/4)"))),
                    entry("e-2", List.of(new AuditEntry.FiringEntry(1, "R01", "Never roll the low back", "Encounter(age 40)"),
                            new AuditEntry.FiringEntry(2, "S03", "An emergency red flag \"stops\" the protocol",
                                    "RedFlag(saddle_anaesthesia)"))),
                    entry("e-3", List.of()));
            try (Connection db = store.connect()) {
                insertVersion2(db, entries);
            }

            AuditDatabase database = new AuditDatabase(store.config());
            try {
                AuditRepository repository = new AuditRepository(database);
                assertTrue(repository.verify().valid(), "chain valid after the migration");
                assertEquals(3, repository.verify().records());

                RecordView second = repository.find("e-2").orElseThrow();
                assertEquals(List.of(new FiringView(1, "R01", "Never roll the low back", "Encounter(age 40)"),
                        new FiringView(2, "S03", "An emergency red flag \"stops\" the protocol", "RedFlag(saddle_anaesthesia)")),
                        second.firings());
                assertEquals(List.of(), repository.find("e-3").orElseThrow().firings());

                var byRule = repository.search(new AuditRepository.Search(null, null, null, null, "R05", 0, 10));
                assertEquals(1, byRule.total());
                assertEquals("e-1", byRule.items().get(0).evaluationId());
                assertEquals(0, repository.search(new AuditRepository.Search(null, null, null, null, "R0", 0, 10)).total());

                List<RuleFiringCount> counts = repository.ruleFirings(AT.minusSeconds(60), AT.plusSeconds(60)).rules();
                assertEquals(List.of(new RuleFiringCount("R01", "Never roll the low back", 2, 2),
                        new RuleFiringCount("R05", "A region is balanced", 2, 1),
                        new RuleFiringCount("S03", "An emergency red flag \"stops\" the protocol", 1, 1)), counts);
            } finally {
                database.close();
            }
        }
    }

    private static AuditEntry entry(String id, List<AuditEntry.FiringEntry> firings) {
        return new AuditEntry(id, AT.toString(), "clinic-app", "PT-" + id, "sha256:test", "ok", "{\"imbalance\":2}",
                "{\"patientId\":\"PT-" + id + "\"}", "{\"status\":\"ok\"}", firings);
    }

    /** As the version 2 writer did: records, one row per firing, the chain head moved. */
    private static void insertVersion2(Connection db, List<AuditEntry> entries) throws Exception {
        try (PreparedStatement ruleset = db.prepareStatement("INSERT INTO ruleset (version, stored_at, files) VALUES (?, ?, ?)")) {
            ruleset.setString(1, "sha256:test");
            ruleset.setTimestamp(2, Timestamp.from(AT));
            ruleset.setString(3, "[]");
            ruleset.executeUpdate();
        }
        String hash = ChainHash.GENESIS;
        long position = 0;
        for (AuditEntry entry : entries) {
            position++;
            String next = ChainHash.of(hash, entry, position);
            try (PreparedStatement record = db.prepareStatement("INSERT INTO evaluation_record (position, evaluation_id,"
                    + " evaluated_at, evaluated_at_iso, caller, patient_id, ruleset_version, status, config, intake, protocol,"
                    + " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Object[] values = {position, entry.evaluationId(), Timestamp.from(AT), entry.evaluatedAtIso(), entry.caller(),
                        entry.patientId(), entry.rulesetVersion(), entry.status(), entry.config(), entry.intake(),
                        entry.protocol(), hash, next};
                for (int i = 0; i < values.length; i++) {
                    record.setObject(i + 1, values[i]);
                }
                record.executeUpdate();
            }
            for (AuditEntry.FiringEntry firing : entry.firings()) {
                try (PreparedStatement row = db.prepareStatement(
                        "INSERT INTO rule_firing (position, sequence, rule_id, rule_name, facts) VALUES (?, ?, ?, ?, ?)")) {
                    row.setLong(1, position);
                    row.setInt(2, firing.sequence());
                    row.setString(3, firing.ruleId());
                    row.setString(4, firing.ruleName());
                    row.setString(5, firing.facts());
                    row.executeUpdate();
                }
            }
            hash = next;
        }
        try (PreparedStatement head = db.prepareStatement("UPDATE chain_head SET position = ?, hash = ? WHERE id = 1")) {
            head.setLong(1, position);
            head.setString(2, hash);
            head.executeUpdate();
        }
    }
}
