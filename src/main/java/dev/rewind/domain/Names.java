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
