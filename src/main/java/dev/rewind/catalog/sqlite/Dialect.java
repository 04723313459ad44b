package dev.rewind.catalog.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL dialect the repositories' statements are run in. They are written once, in SQLite's SQL; on PostgreSQL
 * the few SQLite-only forms they use are rewritten here, and the rest (NOCASE, typeof, max over a truth value) is
 * given a meaning by the PostgreSQL schema itself ({@code catalog/postgres/P1__schema.sql}), so the two backends run
 * the same queries and digest the same values.
 */
public enum Dialect {
    SQLITE, POSTGRESQL;

    /** A statement as this dialect runs it; {@code order} maps each {@code ?} to the caller's argument (0-based). */
    record Sql(String text, int[] order) {
    }

    private static final Map<String, Sql> REWRITTEN = new ConcurrentHashMap<>();
    private static final Pattern TYPE_TEST = Pattern.compile("\\(typeof\\((\\w+)\\) = '(\\w+)'\\)");
    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    Sql sql(String sqlite) {
        if (this == SQLITE) {
            return new Sql(sqlite, null);
        }
        return REWRITTEN.computeIfAbsent(sqlite, Dialect::toPostgresql);
    }

    /** Whether an INSERT reports its new row's id with RETURNING rather than through last_insert_rowid(). */
    boolean returnsIds() {
        return this == POSTGRESQL;
    }

    private static Sql toPostgresql(String s) {
        String out = s;
        if (out.startsWith("INSERT OR IGNORE INTO")) {
            out = "INSERT INTO" + out.substring("INSERT OR IGNORE INTO".length()) + " ON CONFLICT DO NOTHING";
        }
        out = out.replace("group_concat(", "string_agg(");
        // the timeline packs its rows as a JSON array of arrays; a truth value in it is true/false, read as 1/0
        out = out.replace("json_group_array(", "json_agg(").replace("json_array(", "json_build_array(");
        // a truth value is a number in SQLite; the digest's bit arithmetic needs the number
        out = TYPE_TEST.matcher(out).replaceAll("(typeof($1) = '$2')::int");
        out = existsAsNumber(out);
        // a negative LIMIT means none in SQLite; PostgreSQL refuses it, and takes NULL for none
        out = out.replace("LIMIT ?", "LIMIT nullif(greatest(?, -1), -1)");
        List<Integer> order = new ArrayList<>();
        Matcher m = NUMBERED.matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)) - 1);
            m.appendReplacement(b, "?");
        }
        m.appendTail(b);
        return new Sql(b.toString(), order.isEmpty() ? null : order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code EXISTS (...) AS name} selected as a column: SQLite gives 0 or 1, which the readers expect. */
    private static String existsAsNumber(String s) {
        int at = s.indexOf(" EXISTS (");
        while (at >= 0) {
            int open = at + " EXISTS ".length();
            int close = matching(s, open);
            if (close > 0 && s.startsWith(" AS ", close + 1) && !s.startsWith("NOT", Math.max(0, at - 3))) {
                s = s.substring(0, at + 1) + "(" + s.substring(at + 1, close + 1) + ")::int" + s.substring(close + 1);
            }
            at = s.indexOf(" EXISTS (", at + 1 + "(EXISTS (".length());
        }
        return s;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
