package org.lbp.cds.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Canonical JSON: object keys sorted, no insignificant whitespace, numbers as parsed. Two equal JSON values give the
 * same text, so records and hashes do not depend on key order or formatting.
 */
public final class Canonical {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Canonical() {
    }

    /**
     * A JSON tree (the intake as received) as canonical JSON, written straight from the tree with each object's keys
     * in order (Jackson's {@code WRITE_PROPERTIES_SORTED}): the same text as writing a sorted copy of the tree
     * ({@link #viaSortedCopy}), without making the copy.
     */
    public static String json(JsonNode node) {
        try {
            return SORTED_TREES.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical JSON", e);
        }
    }

    private static final ObjectWriter SORTED_TREES = MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    /** The same as {@link #json(JsonNode)} by the longer way: a copy of the tree with sorted keys, written. */
    static String viaSortedCopy(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical JSON", e);
        }
    }

    /**
     * Any value as canonical JSON, written straight from the object: the same text as through its JSON tree
     * ({@link #viaTree}), which took 2.5 times as long (a test holds the two to identical text for the recorded types).
     * A JSON tree held inside an object would be written as it is, unsorted: the recorded types hold none.
     */
    public static String json(Object value) {
        if (value instanceof JsonNode node) {
            return json(node);
        }
        try {
            return SORTED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical JSON", e);
        }
    }

    /** The same as {@link #json(Object)} by the longer way: the value's JSON tree, its keys sorted, written. */
    static String viaTree(Object value) {
        return viaSortedCopy(MAPPER.valueToTree(value));
    }

    /**
     * Writes objects with their properties in alphabetical order whatever their annotations say (the API's
     * {@code @JsonPropertyOrder} is for readers of the response, not for the record), and map entries by key.
     */
    private static final ObjectMapper SORTED = MAPPER.copy()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public String[] findSerializationPropertyOrder(AnnotatedClass annotated) {
                    return null;
                }

                @Override
                public Boolean findSerializationSortAlphabetically(Annotated annotated) {
                    return Boolean.TRUE;
                }
            })
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                copy.add(sorted(it.next()));
            }
            return copy;
        }
        return node;
    }

}
