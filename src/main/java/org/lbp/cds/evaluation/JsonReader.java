package org.lbp.cds.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.lbp.cds.codes.Code;
import org.lbp.cds.problem.FieldError;

/**
 * Reads typed values out of one JSON object, recording an error with the field's path for every value that is
 * missing, of the wrong type, out of range, not a known code or not a known field. It never stops at the first
 * error, so a request learns everything that is wrong with it at once. A JSON null counts as absent.
 */
final class JsonReader {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    JsonReader(JsonNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void error(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    /** Reports every field not in {@code allowed}: a misspelt field is never silently ignored. */
    void onlyFields(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(path(name), FieldError.UNKNOWN_FIELD, "unknown field");
            }
        }
    }

    /** The field, or null when absent or JSON null (reported when required). */
    private JsonNode field(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(path(name), FieldError.REQUIRED, "required");
            }
            return null;
        }
        return value;
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    JsonReader object(String name, boolean required) {
        JsonNode value = field(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            error(path(name), FieldError.TYPE, "must be an object");
            return null;
        }
        return new JsonReader(value, path(name), errors);
    }

    /** The elements of an array field, each as a reader (objects) or a raw node; null when absent or invalid. */
    List<JsonNode> array(String name, boolean required, int minItems, int maxItems) {
        JsonNode value = field(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            error(path(name), FieldError.TYPE, "must be an array");
            return null;
        }
        if (value.size() < minItems) {
            error(path(name), FieldError.REQUIRED, "needs at least " + minItems + " item(s)");
            return null;
        }
        if (value.size() > maxItems) {
            error(path(name), FieldError.OUT_OF_RANGE, "at most " + maxItems + " items");
            return null;
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    /** An array element that must be an object. */
    JsonReader element(String name, int index, JsonNode item) {
        String itemPath = path(name) + "[" + index + "]";
        if (!item.isObject()) {
            error(itemPath, FieldError.TYPE, "must be an object");
            return null;
        }
        return new JsonReader(item, itemPath, errors);
    }

    Boolean bool(String name, boolean required) {
        JsonNode value = field(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            error(path(name), FieldError.TYPE, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    Integer integer(String name, boolean required, int min, int max) {
        return integerAt(field(name, required), path(name), min, max);
    }

    Integer integerAt(JsonNode value, String fieldPath, int min, int max) {
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            error(fieldPath, FieldError.TYPE, "must be a whole number");
            return null;
        }
        if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            error(fieldPath, FieldError.OUT_OF_RANGE, "must be from " + min + " to " + max);
            return null;
        }
        return value.intValue();
    }

    String string(String name, boolean required, Pattern pattern, String patternText) {
        JsonNode value = field(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(path(name), FieldError.TYPE, "must be a string");
            return null;
        }
        if (pattern != null && !pattern.matcher(value.textValue()).matches()) {
            error(path(name), FieldError.PATTERN, "must match " + patternText);
            return null;
        }
        return value.textValue();
    }

    <E extends Enum<E> & Code> E code(String name, boolean required, Class<E> type) {
        return codeAt(field(name, required), path(name), type);
    }

    <E extends Enum<E> & Code> E codeAt(JsonNode value, String fieldPath, Class<E> type) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(fieldPath, FieldError.TYPE, "must be a string code");
            return null;
        }
        E parsed = Code.parse(type, value.textValue());
        if (parsed == null) {
            error(fieldPath, FieldError.ENUM, "must be one of " + codes(type));
            return null;
        }
        return parsed;
    }

    LocalDate date(String name, boolean required) {
        JsonNode value = field(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(path(name), FieldError.TYPE, "must be a date string (YYYY-MM-DD)");
            return null;
        }
        String text = value.textValue();
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(path(name), FieldError.PATTERN, "must be a calendar date YYYY-MM-DD");
        return null;
    }

    /** The fields of this object, in document order. */
    Iterator<Map.Entry<String, JsonNode>> fields() {
        return node.fields();
    }

    static <E extends Enum<E> & Code> String codes(Class<E> type) {
        StringBuilder text = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            text.append(text.isEmpty() ? "" : ", ").append(value.code());
        }
        return text.toString();
    }
}
