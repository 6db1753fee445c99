package org.lbp.cds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
    @DisplayName("Every scenario's intake and trees of each kind of JSON value: the same canonical text as the sorted copy")
    void intakeTextIsTheSortedCopysText() throws Exception {
        int intakes = 0;
        for (Scenario scenario : Scenario.all()) {
            JsonNode intake = Clinic.JSON.readTree(scenario.intake().toString());
            assertEquals(Canonical.viaSortedCopy(intake), Canonical.json(intake), scenario.toString());
            intakes++;
        }
        assertTrue(intakes > 200, "all scenarios compared, " + intakes);
        String awkward = "{\"z\": [3, -0.0, 1.0E300, 12345678901234567890123, 9007199254740993, 0.1, true, null, {}, [],"
                + " \"\\u00e9\\n\\\"\"], \"a\": {\"y\": {\"b\": 1, \"a\": [{\"d\": 1, \"c\": 2}]}, \"\": \"empty key\", \"B\": 2},"
                + " \"m\": 1.50, \"n\": -7, \"nothing\": null, \"none\": [], \"e\": \"\\ud83d\\ude00\","
                + " \"b\": 1, \"A\": 2}";
        ObjectMapper decimals = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        for (ObjectMapper reader : new ObjectMapper[] {Canonical.MAPPER, Clinic.JSON, decimals}) {
            JsonNode tree = reader.readTree(awkward);
            assertEquals(Canonical.viaSortedCopy(tree), Canonical.json(tree));
        }
        // number nodes no reader makes from this text, and a binary value
        ObjectNode built = JsonNodeFactory.instance.objectNode();
        built.put("float", 1.5f).put("short", (short) 7).put("long", Long.MAX_VALUE)
                .put("decimal", new BigDecimal("1.50")).put("integer", new BigInteger("123456789012345678901234567890"))
                .put("binary", new byte[] {0, 1, 2, (byte) 255}).putNull("null");
        built.putArray("list").add(2.5f).add(new BigDecimal("1E+3")).addObject().put("b", 1).put("a", 2);
        assertEquals(Canonical.viaSortedCopy(built), Canonical.json(built));
        assertEquals("{\"\":\"empty key\",\"B\":2,\"y\":{\"a\":[{\"c\":2,\"d\":1}],\"b\":1}}",
                Canonical.json(Canonical.parse(awkward).get("a")));
        String top = Canonical.json(Canonical.parse(awkward));
        assertTrue(top.startsWith("{\"A\":2,\"a\":{"), top); // by code point: upper case first, not case-blind
        assertTrue(top.contains(",\"none\":[],\"nothing\":null,"), top); // nulls and empty arrays are kept
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
