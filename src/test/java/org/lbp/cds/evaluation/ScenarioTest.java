package org.lbp.cds.evaluation;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every clinical case of {@code src/test/resources/scenarios/*.json}, each checked against its expectations. */
@DisplayName("Clinical scenarios (data files)")
class ScenarioTest {

    static List<Scenario> scenarios() {
        return Scenario.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario) {
        scenario.check(scenario.evaluate());
    }
}
