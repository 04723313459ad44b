package dev.rewind.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the filter grammar of {@link VersionFilter} by recursive descent, keeping the position of every token so
 * that an error can name it (1-based, in characters of the text as typed).
 */
final class FilterParser {
    private static final String OPERATOR_CHARS = "<>=!";

    private final String what;
    private final String text;
    private int i;

    private FilterParser(String what, String text) {
        this.what = what;
        this.text = text;
    }

    static List<VersionFilter.Clause> parse(String what, String text) {
        if (text == null || text.isBlank()) {
            throw RewindException.badInput("cannot parse " + what + ": it is empty");
        }
        return new FilterParser(what, text).clauses();
    }

    private List<VersionFilter.Clause> clauses() {
        List<VersionFilter.Clause> out = new ArrayList<>();
        out.add(clause());
        while (skipBlanks() < text.length()) {
            int at = i;
            String word = word();
            if (!word.toLowerCase(Locale.ROOT).equals("and")) {
                throw error(at, "expected 'and' or the end, found " + found(at));
            }
            out.add(clause());
        }
        return out;
    }

    private VersionFilter.Clause clause() {
        skipBlanks();
        int at = i;
        VersionFilter.Key key = key();
        skipBlanks();
        if (i >= text.length() || !isOperatorChar(text.charAt(i))) {
            return new VersionFilter.Clause(key, null, null);
        }
        int opAt = i;
        VersionFilter.Op op = i + 1 < text.length() ? VersionFilter.Op.of(text.substring(i, i + 2)) : null;
        op = op != null ? op : VersionFilter.Op.of(text.substring(i, i + 1));
        if (op == null) {
            throw error(opAt, "'" + text.charAt(i) + "' is not a comparison (use < <= = != >= >)");
        }
        i += op.symbol().length();
        skipBlanks();
        int valueAt = i;
        VersionFilter.Literal value = literal();
        if (value.number() == null && op.ordered()) {
            throw error(valueAt, "'" + op.symbol() + "' compares numbers; " + found(valueAt) + " is not a number");
        }
        if (value.number() == null && key.space() == VersionFilter.Space.METRIC) {
            throw error(valueAt, "metric " + key.name() + " compares with a number, not " + found(valueAt));
        }
        return new VersionFilter.Clause(key, op, value);
    }

    private VersionFilter.Key key() {
        int at = i;
        if (i < text.length() && text.charAt(i) == '`') {
            return VersionFilter.Key.of(null, quoted('`'));
        }
        String word = word();
        if (word.isEmpty()) {
            throw error(at, "expected a name, found " + found(at));
        }
        int dot = word.indexOf('.');
        VersionFilter.Space space = dot < 0 ? null : VersionFilter.Space.of(word.substring(0, dot));
        if (space != null && word.length() == dot + 1 && i < text.length() && text.charAt(i) == '`') {
            return VersionFilter.Key.of(space, quoted('`'));
        }
        return space == null ? VersionFilter.Key.of(null, word) : VersionFilter.Key.of(space, word.substring(dot + 1));
    }

    private VersionFilter.Literal literal() {
        int at = i;
        if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
            return new VersionFilter.Literal(quoted(text.charAt(i)), null);
        }
        String word = word();
        if (word.isEmpty()) {
            throw error(at, "expected a number or a quoted string, found " + found(at));
        }
        return new VersionFilter.Literal(word, VersionFilter.number(word));
    }

    /** A quoted run; the quote character is written twice to stand for itself. */
    private String quoted(char quote) {
        int at = i;
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c != quote) {
                sb.append(c);
            } else if (i < text.length() && text.charAt(i) == quote) {
                sb.append(quote);
                i++;
            } else {
                return sb.toString();
            }
        }
        throw error(at, "the quote " + quote + " opened here is never closed");
    }

    private String word() {
        int start = i;
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return text.substring(start, i);
    }

    private int skipBlanks() {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isOperatorChar(char c) {
        return OPERATOR_CHARS.indexOf(c) >= 0;
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && !isOperatorChar(c) && c != '\'' && c != '"' && c != '`'
                && !Character.isISOControl(c);
    }

    private String found(int at) {
        if (at >= text.length()) {
            return "the end";
        }
        int end = at;
        while (end < text.length() && end - at < 20 && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return "'" + Text.escape(text.substring(at, Math.max(end, at + 1))) + "'";
    }

    private RewindException error(int at, String why) {
        return RewindException.badInput("cannot parse " + what + " at position " + (at + 1) + ": " + why);
    }
}
