package dev.rewind.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --json} shapes README's "JSON output" section documents: for each command named in a bullet
 * ({@code `models --json`}), the top-level field names of the first {@code `{…}`} of that bullet.
 */
final class ReadmeJsonShapes {
    private static final Pattern COMMAND = Pattern.compile("`([a-z-]+) --json`");
    private static final Pattern KEY = Pattern.compile("^\\s*([A-Za-z0-9_]+)");

    private ReadmeJsonShapes() {
    }

    static Map<String, Set<String>> parse(List<String> readme, String heading) {
        Map<String, Set<String>> shapes = new LinkedHashMap<>();
        for (String bullet : bullets(readme, heading)) {
            int open = bullet.indexOf("`{");
            if (open < 0) {
                continue;
            }
            Set<String> keys = topLevelKeys(bullet.substring(open + 1));
            Matcher m = COMMAND.matcher(bullet);
            while (m.find()) {
                shapes.put(m.group(1), keys);
            }
        }
        return shapes;
    }

    /** The section's bullets, each with its continuation lines joined by a blank. */
    private static List<String> bullets(List<String> readme, String heading) {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : readme) {
            if (line.startsWith("#")) {
                inside = line.replaceFirst("^#+\\s*", "").equals(heading);
            } else if (inside && line.startsWith("- ")) {
                out.add(line.substring(2));
            } else if (inside && line.startsWith("  ") && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + line.strip());
            }
        }
        return out;
    }

    /** {@code {a, b (note), c: {k: v}}} gives a, b, c. */
    private static Set<String> topLevelKeys(String shape) {
        Set<String> keys = new LinkedHashSet<>();
        int depth = 0;
        StringBuilder field = new StringBuilder();
        for (char c : shape.toCharArray()) {
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            }
            if (depth == 0) {
                break;
            }
            if (depth == 1 && c == ',') {
                add(keys, field);
            } else if (depth > 1 || c != '{') {
                field.append(c);
            }
        }
        add(keys, field);
        return keys;
    }

    private static void add(Set<String> keys, StringBuilder field) {
        Matcher m = KEY.matcher(field);
        if (m.find()) {
            keys.add(m.group(1));
        }
        field.setLength(0);
    }
}
