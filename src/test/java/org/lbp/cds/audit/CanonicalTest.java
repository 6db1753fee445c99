package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lbp.cds.evaluation.Clinic;
import org.lbp.cds.evaluation.Scenario;
import org.lbp.cds.evaluation.api.Protocol;
import org.lbp.cds.rules.facts.Thresholds;

/**
 * The record's canonical JSON is written straight from the objects; it must be the very text the tree-based way gives,
 * or records written before and after would hash differently for the same protocol and replays would not compare.
 */
class CanonicalTest {

    @Test
    @DisplayName("Every scenario's protocol, the thresholds and the ruleset files: the same canonical text both ways")
    void directAndTreeTextAreIdentical() throws Exception {
        int protocols = 0;
        for (Scenario scenario : Scenario.all()) {
            Protocol protocol = scenario.evaluate();
            assertEquals(Canonical.viaTree(protocol), Canonical.json(protocol), scenario.toString());
            protocols++;
        }
        assertTrue(protocols > 200, "all scenarios compared, " + protocols);
        assertEquals(Canonical.viaTree(Thresholds.DEFAULTS), Canonical.json(Thresholds.DEFAULTS));
        var files = Clinic.engine().ruleset().source().files();
        assertEquals(Canonical.viaTree(files), Canonical.json(files));
    }

    @Test
    @DisplayName("Every scenario's intake and a tree of every kind of JSON value: the same canonical text as the sorted copy")
    void intakeTextIsTheSortedCopysText() throws Exception {
        int intakes = 0;
        for (Scenario scenario : Scenario.all()) {
            JsonNode intake = Clinic.JSON.readTree(scenario.intake().toString());
            assertEquals(Canonical.viaSortedCopy(intake), Canonical.json(intake), scenario.toString());
            intakes++;
        }
        assertTrue(intakes > 200, "all scenarios compared, " + intakes);
        String awkward = "{\"z\": [3, -0.0, 1.0E300, 12345678901234567890123, 0.1, true, null, {}, [], \"\\u00e9\\n\\\"\"],"
                + " \"a\": {\"y\": {\"b\": 1, \"a\": [{\"d\": 1, \"c\": 2}]}, \"\": \"empty key\", \"B\": 2},"
                + " \"m\": 1.50, \"n\": -7, \"e\": \"\\ud83d\\ude00\"}";
        for (ObjectMapper reader : new ObjectMapper[] {Canonical.MAPPER, Clinic.JSON}) {
            JsonNode tree = reader.readTree(awkward);
            assertEquals(Canonical.viaSortedCopy(tree), Canonical.json(tree));
        }
        assertEquals("{\"\":\"empty key\",\"B\":2,\"y\":{\"a\":[{\"c\":2,\"d\":1}],\"b\":1}}",
                Canonical.json(Canonical.parse(awkward).get("a")));
        assertEquals("[]", Canonical.json(Canonical.parse("[]")));
        assertEquals("{}", Canonical.json(Canonical.parse("{}")));
        assertEquals("\"text\"", Canonical.json(Canonical.parse("\"text\"")));
    }

    @Test
    @DisplayName("Keys are sorted, also where the API orders them otherwise and in maps; no whitespace")
    void keysSortedWhateverTheDeclaredOrder() {
        Protocol protocol = Scenario.all().get(0).evaluate();
        String text = Canonical.json(protocol);
        assertTrue(text.startsWith("{\"avoid\":"), text.substring(0, 40)); // the API starts with evaluationId
        assertNotEquals(-1, text.indexOf("\"disclaimer\":"));
        assertTrue(text.indexOf("\"disclaimer\":") < text.indexOf("\"evaluationId\":"));
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("b", 2);
        map.put("a", 1);
        assertEquals("{\"a\":1,\"b\":2}", Canonical.json(map));
        assertEquals("{\"a\":1,\"b\":2}", Canonical.json(Canonical.parse("{ \"b\": 2, \"a\": 1 }")));
    }
}
