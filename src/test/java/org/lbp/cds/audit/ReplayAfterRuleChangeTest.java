package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbp.cds.audit.api.ReplayResult;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.EvaluationService;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * An evaluation recorded under one ruleset is replayed after {@code rules/} changed: the replay compiles the DRL kept
 * in the store and gives the identical protocol, while the changed rules would now decide otherwise.
 */
class ReplayAfterRuleChangeTest {

    private static TestStore store;
    private static AuditDatabase database;
    private static AuditService audit;

    @BeforeAll
    static void openStore() {
        store = TestStore.create();
        AuditConfig config = store.config();
        database = new AuditDatabase(config);
        audit = new AuditService(config, database);
        audit.start();
    }

    @AfterAll
    static void closeStore() {
        if (audit != null) {
            audit.stop();
            database.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    @DisplayName("Recorded under the old rules, replayed after the hamstring rule changed: identical under the old ruleset")
    void replayUsesTheStoredRuleset(@TempDir Path changedRules) throws IOException {
        RuleEngine before = new RuleEngine("rules");
        EvaluationService service = new EvaluationService(before, Thresholds.DEFAULTS,
                Clock.fixed(Clinic.NOW, ZoneOffset.UTC), audit);
        Clinic intake = Clinic.patient().score("hamstrings", 7, 3);
        Protocol recorded = service.evaluate(Clinic.JSON.readTree(intake.body()));
        assertEquals("hamstrings left", Clinic.steps(recorded).get(0));

        // rules/ changes: a clinic decides hamstrings are never a step any more
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".drl")).toList()) {
                String drl = Files.readString(file);
                if (file.getFileName().toString().equals("leg-chain.drl")) {
                    drl = drl.replace("$imbalance : Imbalance(region == Region.ADDUCTORS || region == Region.IT_BAND || region == Region.HAMSTRINGS)",
                            "$imbalance : Imbalance(region == Region.ADDUCTORS || region == Region.IT_BAND)");
                }
                Files.writeString(changedRules.resolve(file.getFileName()), drl);
            }
        }
        RuleEngine after = new RuleEngine(changedRules.toString());
        assertNotEquals(before.ruleset().version(), after.ruleset().version(), "the rules did change");
        Protocol now = new EvaluationService(after, Thresholds.DEFAULTS, Clock.fixed(Clinic.NOW, ZoneOffset.UTC))
                .evaluate(Clinic.JSON.readTree(intake.body()));
        assertTrue(now.steps().isEmpty(), "the changed rules decide otherwise today");

        ReplayService replay = new ReplayService(new AuditRepository(database), after);
        ReplayResult result = replay.replay(recorded.evaluationId()).orElseThrow();

        assertTrue(result.identical(), () -> "differences: " + result.differences());
        assertEquals(recorded.rulesetVersion(), result.rulesetVersion());
        assertEquals(after.ruleset().version(), result.currentRulesetVersion());
        assertEquals("hamstrings", result.replayedProtocol().get("steps").get(0).get("region").asText());

        // and a record evaluated under the changed rules replays identical under them too
        Protocol recent = new EvaluationService(after, Thresholds.DEFAULTS, Clock.fixed(Clinic.NOW, ZoneOffset.UTC), audit)
                .evaluate(Clinic.JSON.readTree(intake.body()));
        ReplayResult underOld = new ReplayService(new AuditRepository(database), before).replay(recent.evaluationId())
                .orElseThrow();
        assertTrue(underOld.identical());
        assertFalse(new AuditRepository(database).verify().firstBroken() != null);
    }
}
