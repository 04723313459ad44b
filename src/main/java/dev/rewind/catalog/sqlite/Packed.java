package dev.rewind.catalog.sqlite;

import java.nio.charset.StandardCharsets;

/**
 * Reads a result the query packed into one value: {@code group_concat} of records separated by {@code ';'}, each
 * of comma-separated integers and texts, a text written as its UTF-8 byte length, a comma and its bytes (so any
 * character may be in it). Why: the driver costs about half a microsecond per column read (a JNI call and a lock
 * each), which on 100,000 rows of four columns is most of the read; one value is one call. A length of -1 is a
 * null text.
 */
final class Packed {
    private final byte[] b;
    private int at;

    Packed(byte[] bytes) {
        this.b = bytes == null ? new byte[0] : bytes;
    }

    boolean hasNext() {
        return at < b.length;
    }

    long number() {
        boolean negative = b[at] == '-';
        if (negative) {
            at++;
        }
        long n = 0;
        while (at < b.length && b[at] != ',' && b[at] != ';') {
            n = n * 10 + (b[at++] - '0');
        }
        at++; // the separator
        return negative ? -n : n;
    }

    String text() {
        int len = (int) number();
        if (len < 0) {
            return null;
        }
        String s = new String(b, at, len, StandardCharsets.UTF_8);
        at += len + 1; // the text and its separator
        return s;
    }

    /** A field that is a bare word (no separators in it), such as an event kind. */
    String word() {
        int start = at;
        while (at < b.length && b[at] != ',' && b[at] != ';') {
            at++;
        }
        return new String(b, start, at++ - start, StandardCharsets.US_ASCII);
    }
}
