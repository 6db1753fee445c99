package org.lbp.cds.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.FactMapper;
import org.lbp.cds.evaluation.IntakeParser;
import org.lbp.cds.evaluation.ProtocolAssembler;
import org.lbp.cds.evaluation.Scenario;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.RuleRun;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * Where the time of one evaluation goes, stage by stage, in process, over the scenario intakes: JSON parsing,
 * validation, facts, rules, assembly, the response's JSON, and the audit record's preparation on the request thread
 * (canonical JSON, fact descriptions, stored firings). Prints microseconds per evaluation for each stage.
 */
public final class StageBenchmark {

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        measure(args.length > 0 ? Integer.parseInt(args[0]) : 40, args.length > 1 && "drl".equals(args[1]))
                .forEach((stage, micros) -> System.out.printf("%-16s %8.1f us%n", stage, micros));
    }

    /**
     * Microseconds per evaluation for each stage, over the scenario intakes; half the rounds warm up, half are
     * measured. {@code interpreted}: the rules as DRL compiled from the folder instead of the executable model.
     */
    public static java.util.LinkedHashMap<String, Double> measure(int rounds, boolean interpreted) throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        List<String> bodies = new ArrayList<>();
        for (Scenario scenario : Scenario.all()) {
            bodies.add(scenario.intake().toString());
        }
        CompiledRuleset ruleset = (interpreted ? Clinic.interpretedEngine() : Clinic.engine()).ruleset();
        String[] names = {"parse JSON", "validate", "facts", "rules", "assemble", "response JSON", "audit entry",
                "stored firings", "chain hash"};
        long[] nanos = new long[names.length];
        long count = 0;
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            boolean measure = round >= rounds / 2;
            for (String body : bodies) {
                long t0 = System.nanoTime();
                JsonNode tree = json.readTree(body);
                long t1 = System.nanoTime();
                IntakeParser.Result parsed = IntakeParser.parse(tree, LocalDate.of(2026, 11, 26));
                long t2 = System.nanoTime();
                if (!parsed.valid()) {
                    continue;
                }
                List<Object> facts = FactMapper.facts(parsed.intake(), Thresholds.DEFAULTS);
                long t3 = System.nanoTime();
                RuleRun run = RuleEngine.run(ruleset, facts);
                long t4 = System.nanoTime();
                Protocol protocol = ProtocolAssembler.assemble("00000000-0000-0000-0000-000000000000", Instant.now(),
                        parsed.intake().patientId(), run);
                long t5 = System.nanoTime();
                String response = json.writeValueAsString(protocol);
                long t6 = System.nanoTime();
                AuditEntry entry = AuditService.entry(tree, Thresholds.DEFAULTS, run, protocol, "bench");
                long t7 = System.nanoTime();
                String stored = StoredFirings.json(entry.firings()) + StoredFirings.ruleIds(entry.firings());
                long t8 = System.nanoTime();
                String hash = ChainHash.of(ChainHash.GENESIS, entry, 1);
                long t9 = System.nanoTime();
                sink += response.length() + stored.length() + hash.length();
                if (measure) {
                    long[] t = {t0, t1, t2, t3, t4, t5, t6, t7, t8, t9};
                    for (int i = 0; i < names.length; i++) {
                        nanos[i] += t[i + 1] - t[i];
                    }
                    count++;
                }
            }
        }
        java.util.LinkedHashMap<String, Double> result = new java.util.LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < names.length; i++) {
            total += nanos[i];
            result.put(names[i], nanos[i] / 1000.0 / count);
        }
        result.put("total", total / 1000.0 / count);
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
        return result;
    }
}
