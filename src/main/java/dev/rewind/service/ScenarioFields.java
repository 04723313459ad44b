package dev.rewind.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.domain.RewindException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of a scenario file, each failure a one-line error naming the file, the place and the field:
 * {@code scenario.json: step 3 has no 'title'}. {@code where} is null for the top level.
 */
final class ScenarioFields {
    private final String file;

    ScenarioFields(String file) {
        this.file = file;
    }

    RewindException error(String where, String problem) {
        return RewindException.badInput(file + (where == null ? " " : ": " + where + " ") + problem);
    }

    private JsonNode required(JsonNode parent, String field, String where) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw error(where, "has no '" + field + "'");
        }
        return n;
    }

    String text(JsonNode parent, String field, String where) {
        JsonNode n = required(parent, field, where);
        if (!n.isTextual()) {
            throw error(where, "has '" + field + "' that is not text");
        }
        if (n.asText().isBlank()) {
            throw error(where, "has an empty '" + field + "'");
        }
        return n.asText().strip();
    }

    String optionalText(JsonNode parent, String field, String where) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? null : text(parent, field, where);
    }

    double number(JsonNode parent, String field, String where) {
        JsonNode n = required(parent, field, where);
        if (!n.isNumber()) {
            throw error(where, "has '" + field + "' that is not a number");
        }
        return n.asDouble();
    }

    boolean bool(JsonNode parent, String field, String where) {
        JsonNode n = required(parent, field, where);
        if (!n.isBoolean()) {
            throw error(where, "has '" + field + "' that is not true or false");
        }
        return n.asBoolean();
    }

    JsonNode object(JsonNode parent, String field, String where) {
        JsonNode n = required(parent, field, where);
        if (!n.isObject()) {
            throw error(where, "has '" + field + "' that is not an object { … }");
        }
        return n;
    }

    /** A non-empty list. */
    List<JsonNode> list(JsonNode parent, String field, String where) {
        JsonNode n = required(parent, field, where);
        if (!n.isArray()) {
            throw error(where, "has '" + field + "' that is not a list [ … ]");
        }
        if (n.isEmpty()) {
            throw error(where, "has an empty '" + field + "'");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    List<JsonNode> optionalList(JsonNode parent, String field, String where) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() || (n.isArray() && n.isEmpty()) ? List.of() : list(parent, field, where);
    }

    List<Double> numbers(JsonNode parent, String field, String where) {
        List<Double> out = new ArrayList<>();
        for (JsonNode n : list(parent, field, where)) {
            if (!n.isNumber()) {
                throw error(where, "has '" + field + "' with an entry that is not a number");
            }
            out.add(n.asDouble());
        }
        return out;
    }

    Map<String, Double> numberMap(JsonNode parent, String field, String where) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode n = optionalObject(parent, field, where);
        n.fields().forEachRemaining(e -> out.put(e.getKey(), number(n, e.getKey(), where + " '" + field + "'")));
        return out;
    }

    Map<String, List<Double>> seriesMap(JsonNode parent, String field, String where) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        JsonNode n = optionalObject(parent, field, where);
        n.fields().forEachRemaining(e -> out.put(e.getKey(), numbers(n, e.getKey(), where + " '" + field + "'")));
        return out;
    }

    Map<String, String> textMap(JsonNode parent, String field, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = optionalObject(parent, field, where);
        n.fields().forEachRemaining(e -> out.put(e.getKey(), text(n, e.getKey(), where == null ? "'" + field + "'"
                : where + " '" + field + "'")));
        return out;
    }

    private JsonNode optionalObject(JsonNode parent, String field, String where) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : object(parent, field, where);
    }
}
