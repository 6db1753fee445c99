package org.lbp.cds.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON is read strictly: a key given twice is an error, never a silent "last one wins"; nothing after the value; and
 * hostile shapes are cut short (nesting deeper than any intake, strings longer than any field, huge numbers), each a
 * 400 problem rather than work or a crash.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** An intake nests four levels; 32 leaves room and stops pathological depth. */
    public static final int MAX_NESTING = 32;
    /** The longest string an intake may hold is far shorter. */
    public static final int MAX_STRING = 10_000;
    public static final int MAX_NUMBER = 40;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(MAX_NUMBER)
                .build());
    }
}
