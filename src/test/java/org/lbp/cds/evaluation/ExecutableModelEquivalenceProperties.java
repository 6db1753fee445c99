package org.lbp.cds.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.lbp.cds.evaluation.api.Protocol;

/**
 * The service runs the executable model generated at build time; replay compiles the stored DRL. Both must decide
 * exactly the same: for every generated intake the two protocols are identical, steps, avoid items, referrals,
 * warnings and every rule firing in its order (only the random evaluation id differs).
 */
class ExecutableModelEquivalenceProperties {

    private static final ObjectMapper JSON = Clinic.JSON.copy().findAndRegisterModules();

    @Provide
    Arbitrary<GeneratedIntake> intakes() {
        return GeneratedIntake.intakes();
    }

    @Property(tries = 3_000)
    @Label("the executable model and the interpreted DRL give the same protocol and the same firings for any intake")
    void sameProtocol(@ForAll("intakes") GeneratedIntake intake) {
        Clinic clinic = Clinic.of(intake.json());
        assertEquals(comparable(clinic.evaluate(Clinic.interpretedEngine(), intake.thresholds())),
                comparable(clinic.evaluate(Clinic.engine(), intake.thresholds())));
    }

    @Example
    @Label("both knowledge bases are built from the same rules: same version, same rules, same descriptions")
    void sameRuleset() {
        assertEquals(Clinic.interpretedEngine().ruleset().version(), Clinic.engine().ruleset().version());
        assertEquals(Clinic.interpretedEngine().ruleset().rules(), Clinic.engine().ruleset().rules());
    }

    private static ObjectNode comparable(Protocol protocol) {
        ObjectNode tree = JSON.valueToTree(protocol);
        tree.remove("evaluationId");
        return tree;
    }
}
