package dev.rewind.domain;

import java.text.Normalizer;

/**
 * The one name policy for everything a person or an importer names: models, version labels, targets, tag keys,
 * metric and param keys. A name is NFC-normalized, then refused (never cut or repaired silently) when it is empty,
 * longer than {@link #MAX_LENGTH} code points, holds a control, format, separator or unassigned code point, starts
 * with '-' or starts or ends with a blank. Names are only ever data: none becomes a file path.
 */
public final class Names {
    public static final int MAX_LENGTH = 200;
    /** What {@code --expect} says when nothing is live; no version may be labelled so. */
    public static final String NOTHING_LIVE = "none";

    private Names() {
    }

    /** The NFC form of {@code name} when it obeys the policy; else a bad-input error naming {@code what}. */
    public static String require(String what, String name) {
        String problem = problem(name);
        if (problem != null) {
            throw RewindException.badInput(what + " " + problem);
        }
        return normalize(name);
    }

    /** A version label: a name that is not the {@code --expect} sentinel (nor looks like it). */
    public static String label(String what, String name) {
        String n = require(what, name);
        if (Confusables.skeleton(n).equals(Confusables.skeleton(NOTHING_LIVE))) {
            throw RewindException.badInput(what + " '" + Text.escape(n) + "' is refused: '" + NOTHING_LIVE
                    + "' means \"nothing is live\" to --expect");
        }
        return n;
    }

    public static String normalize(String name) {
        return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /** Why {@code name} breaks the policy (a phrase that follows the field's name), or null when it is fine. */
    public static String problem(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "must not be empty";
        }
        String name = normalize(raw);
        if (name.isBlank()) {
            return "must not be blank";
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return "is " + length + " characters long; at most " + MAX_LENGTH + " are allowed";
        }
        int pos = 0;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            int cp = name.codePointAt(i);
            pos++;
            String kind = forbidden(cp);
            if (kind != null) {
                return "contains a " + kind + " (" + Text.codePoint(cp) + ") at position " + pos;
            }
        }
        if (isBlank(name.codePointAt(0)) || isBlank(name.codePointBefore(name.length()))) {
            return "'" + name + "' starts or ends with whitespace";
        }
        if (name.startsWith("-")) {
            return "'" + name + "' starts with '-', which reads as an option";
        }
        return null;
    }

    /**
     * A reversible replacement for a name that breaks the policy: every forbidden code point, a leading '-', leading
     * and trailing blanks, and every '%' are percent-escaped as UTF-8 ({@code a\u001bb} → {@code a%1Bb}); the
     * {@code none} label becomes {@code %6Eone}. Null when no replacement can obey the policy (empty, too long).
     */
    public static String escapeInvalid(String raw, boolean isLabel) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String name = normalize(raw);
        int[] cps = name.codePoints().toArray();
        int first = 0;
        while (first < cps.length && isBlank(cps[first])) {
            first++;
        }
        int last = cps.length - 1;
        while (last >= first && isBlank(cps[last])) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            boolean bad = forbidden(cp) != null || cp == '%' || i < first || i > last || (i == 0 && cp == '-');
            if (bad) {
                percent(sb, cp);
            } else {
                sb.appendCodePoint(cp);
            }
        }
        String out = sb.toString();
        if (isLabel && Confusables.skeleton(out).equals(Confusables.skeleton(NOTHING_LIVE))) {
            int cp = out.codePointAt(0);
            out = percent(new StringBuilder(), cp).append(out.substring(Character.charCount(cp))).toString();
        }
        return problem(out) == null ? out : null;
    }

    private static StringBuilder percent(StringBuilder sb, int cp) {
        for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            sb.append('%').append(String.format("%02X", b & 0xFF));
        }
        return sb;
    }

    /** What kind of code point {@code cp} is when a name may not hold it, else null. */
    static String forbidden(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL: return "control character";
            case Character.FORMAT: return "format character";
            case Character.LINE_SEPARATOR: case Character.PARAGRAPH_SEPARATOR: return "line separator";
            case Character.SURROGATE: return "lone surrogate";
            case Character.UNASSIGNED: return "unassigned code point";
            default: return null;
        }
    }

    static boolean isBlank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** Free text (reasons, descriptions, tag and param values): see {@link Text#line}. */
    public static String text(String what, String text, int maxLength) {
        return Text.line(what, text, maxLength);
    }
}
