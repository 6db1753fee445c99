package org.lbp.cds.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.FactMapper;
import org.lbp.cds.evaluation.IntakeParser;
import org.lbp.cds.evaluation.ProtocolAssembler;
import org.lbp.cds.evaluation.Scenario;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.CompiledRuleset;
import org.lbp.cds.rules.RuleEngine;
import org.lbp.cds.rules.facts.Thresholds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: one evaluation in process (new session, insert the facts, fire the phases, collect, assemble the protocol) over
 * the scenario intakes, with the catalogue and with it grown tenfold by rules that never fire. Run by bench/run
 * through {@link PerfSuite}; sample mode, so the report has the mean and the p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluationJmh {

    /**
     * {@code model}: the catalogue as the executable model the service runs; {@code drl}: the same rules as
     * interpreted DRL (compared, the faster is kept); {@code tenfold}: the catalogue grown tenfold with rules that
     * never fire, as an executable model.
     */
    @Param({"model", "drl", "tenfold"})
    public String ruleset;

    private CompiledRuleset compiled;
    private List<List<Object>> facts;
    private int next;

    @Setup
    public void setUp() throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO); // as in the service
        CompiledRuleset model = new RuleEngine("classpath").ruleset();
        compiled = switch (ruleset) {
            case "drl" -> new RuleEngine("rules").ruleset();
            case "tenfold" -> PerfSuite.tenfold(model);
            default -> model;
        };
        facts = new ArrayList<>();
        for (Scenario scenario : Scenario.all()) {
            IntakeParser.Result parsed = IntakeParser.parse(Clinic.JSON.readTree(scenario.intake().toString()),
                    LocalDate.of(2026, 11, 25));
            facts.add(FactMapper.facts(parsed.intake(), Thresholds.DEFAULTS));
        }
    }

    @Benchmark
    public Protocol evaluate() {
        List<Object> intake = facts.get(next++ % facts.size());
        return ProtocolAssembler.assemble("id", Instant.EPOCH, "p", RuleEngine.run(compiled, intake));
    }
}
