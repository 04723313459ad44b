package dev.rewind.service;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.rewind.domain.RewindException;
import dev.rewind.service.LearnScenario.Check;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One-line errors for a scenario file naming the file, the place and the field: {@code scenario.json: step 3 has
 * no 'title'}. A binding failure's place comes from its path; the file's tree tells what was actually there, so
 * a missing field, an empty text and a value of the wrong kind are told apart.
 */
final class ScenarioErrors {
    /** The lists whose entries are places of their own, by the noun that names one entry. */
    private static final Map<String, String> ENTRIES = Map.of("versions", "version", "targets", "target",
            "history", "history entry", "tags", "tag", "steps", "step", "quiz", "quiz question");

    private final String file;
    private final JsonNode root;

    ScenarioErrors(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** {@code where} is null for the top level. */
    RewindException error(String where, String problem) {
        return RewindException.badInput(file + (where == null ? " " : ": " + where + " ") + problem);
    }

    RewindException of(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        // a record's own rule is broken by the whole record, so its path is all place and no field
        int places = e instanceof ValueInstantiationException ? path.size() : path.size() - 1;
        String where = null;
        JsonNode node = root;
        int i = 0;
        while (i < path.size() && path.get(i).getFieldName() != null) {
            String name = path.get(i).getFieldName();
            int index = i + 1 < path.size() ? path.get(i + 1).getIndex() : -1;
            if (ENTRIES.containsKey(name) && index >= 0) {
                node = node.path(name).path(index);
                where = (where == null ? "" : where + " ") + ENTRIES.get(name) + " " + (index + 1) + label(name, node);
                i += 2;
            } else if (i == 0 && node.path(name).isObject() && i < places) {
                node = node.path(name);
                where = name;
                i++;
            } else {
                break;
            }
        }
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference r : path.subList(i, path.size())) {
            node = r.getFieldName() != null ? node.path(r.getFieldName()) : node.path(r.getIndex());
            field.append(field.isEmpty() ? "" : " ")
                    .append(r.getFieldName() != null ? "'" + r.getFieldName() + "'" : "entry " + (r.getIndex() + 1));
        }
        return error(where, problem(e, node, field.toString()));
    }

    private static String problem(JsonMappingException e, JsonNode found, String field) {
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "has a field '" + u.getPropertyName() + "' that Rewind does not know";
        }
        String has = field.isEmpty() ? "is" : "has " + field + " that is";
        if (found.isMissingNode() || found.isNull()) {
            return "has no " + field;
        }
        if (found.isTextual() && found.asText().isBlank()) {
            return "has an empty " + field;
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == Check.class) {
            return "has " + field + " " + f.getValue() + ", which is not one of "
                    + Arrays.stream(Check.values()).map(Check::id).collect(Collectors.joining(", "));
        }
        if (e instanceof MismatchedInputException m) {
            return has + " not " + kind(m.getTargetType());
        }
        return has + " not readable: " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    /** A version entry is named with its label too, when it has one. */
    private static String label(String list, JsonNode entry) {
        JsonNode label = entry.path("label");
        return list.equals("versions") && label.isTextual() && !label.asText().isBlank()
                ? " (" + label.asText().strip() + ")" : "";
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of the right kind";
        } else if (type == String.class) {
            return "text";
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        } else if (type == double.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (Collection.class.isAssignableFrom(type)) {
            return "a list [ … ]";
        }
        return "an object { … }";
    }
}
