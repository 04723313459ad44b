package dev.rewind.catalog.sqlite;

import java.nio.charset.StandardCharsets;

/**
 * Reads a result the query packed into one value: a JSON array of records, each an array of integers, truth values
 * and texts ({@code json_group_array(json_array(...))}; on PostgreSQL {@code json_agg(json_build_array(...))}).
 * Why one value: the driver costs about half a microsecond per column read (a JNI call and a lock each), which on
 * 100,000 rows of four columns is most of the read. Why JSON: SQLite writes it in C at a third of the cost of
 * {@code printf}, and it quotes any character a text may hold. The caller knows how many fields a record has, so
 * the brackets and commas between values are only skipped.
 */
final class Packed {
    private final byte[] b;
    private int at;

    Packed(byte[] bytes) {
        this.b = bytes == null ? new byte[0] : bytes;
    }

    /** Whether another record (or field) follows. */
    boolean hasNext() {
        skipSeparators();
        return at < b.length;
    }

    /** An integer field; a truth value is 1 or 0, and null is {@code ifNull}. */
    long number(long ifNull) {
        skipSeparators();
        byte first = b[at];
        if (first == 't' || first == 'f' || first == 'n') {
            at += first == 'f' ? 5 : 4;
            return first == 't' ? 1 : first == 'f' ? 0 : ifNull;
        }
        boolean negative = first == '-';
        if (negative) {
            at++;
        }
        long n = 0;
        while (at < b.length && b[at] >= '0' && b[at] <= '9') {
            n = n * 10 + (b[at++] - '0');
        }
        return negative ? -n : n;
    }

    long number() {
        return number(0);
    }

    /** A text field, or null. */
    String text() {
        skipSeparators();
        if (b[at] == 'n') {
            at += 4;
            return null;
        }
        int start = ++at; // past the opening quote
        while (b[at] != '"') {
            if (b[at] == '\\') {
                return escaped(start);
            }
            at++;
        }
        return new String(b, start, at++ - start, StandardCharsets.UTF_8);
    }

    /**
     * A text field that is usually one of {@code known} (ASCII words, e.g. an event's kind): that very string when
     * it is, so 75,000 of them make no new strings; otherwise as {@link #text()}.
     */
    String text(String[] known) {
        skipSeparators();
        if (b[at] == '"') {
            for (String k : known) {
                int n = k.length();
                if (at + n + 1 < b.length && b[at + n + 1] == '"' && matches(k, at + 1)) {
                    at += n + 2;
                    return k;
                }
            }
        }
        return text();
    }

    private boolean matches(String k, int from) {
        for (int i = 0; i < k.length(); i++) {
            if (b[from + i] != k.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The rare text with an escape in it: decoded character by character from {@code start}. */
    private String escaped(int start) {
        StringBuilder s = new StringBuilder(new String(b, start, at - start, StandardCharsets.UTF_8));
        while (b[at] != '"') {
            if (b[at] != '\\') {
                int run = at;
                while (b[at] != '"' && b[at] != '\\') {
                    at++;
                }
                s.append(new String(b, run, at - run, StandardCharsets.UTF_8));
                continue;
            }
            byte e = b[at + 1];
            at += 2;
            switch (e) {
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    s.append((char) Integer.parseInt(new String(b, at, 4, StandardCharsets.US_ASCII), 16));
                    at += 4;
                }
                default -> s.append((char) e); // \" \\ \/
            }
        }
        at++;
        return s.toString();
    }

    private void skipSeparators() {
        while (at < b.length) {
            byte c = b[at];
            if (c != '[' && c != ']' && c != ',' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }
}
