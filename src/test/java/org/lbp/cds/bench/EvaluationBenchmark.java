package org.lbp.cds.bench;

import java.util.List;

import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.GeneratedIntake;
import org.lbp.cds.evaluation.api.Protocol;

/**
 * Prints the time of one evaluation in process (parse, facts, rules, assembly; no HTTP), over generated intakes and
 * over the classic intake. A benchmark that prints figures, not a test:
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.lbp.cds.bench.EvaluationBenchmark}.
 */
public final class EvaluationBenchmark {

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO); // as in the service: no TRACE
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<GeneratedIntake> intakes = GeneratedIntake.intakes().sampleStream().limit(2_000).toList();
        Clinic classic = Clinic.fromFile("examples/classic-right-quads.json");
        long sink = 0;
        for (int i = 0; i < n; i++) { // warm-up
            sink += Clinic.of(intakes.get(i % intakes.size()).json()).evaluate().firedRules().size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += Clinic.of(intakes.get(i % intakes.size()).json()).evaluate().firedRules().size();
        }
        double generated = (System.nanoTime() - start) / 1000.0 / n;
        start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Protocol protocol = classic.evaluate();
            sink += protocol.steps().size();
        }
        double one = (System.nanoTime() - start) / 1000.0 / n;
        System.out.printf("evaluations: %d each; generated intakes: %.1f us per evaluation; classic intake: %.1f us (%d)%n",
                n, generated, one, sink % 7);
    }
}
