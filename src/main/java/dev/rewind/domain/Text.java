package dev.rewind.domain;

/**
 * Free text in and out. In: every text field (description, reason, tag and param value) is one line without control
 * or invisible format characters. Out: whatever a catalog holds is printed with such characters made visible, so an
 * old or forged row can never move the cursor, recolour the terminal or fake a line of output.
 */
public final class Text {
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private Text() {
    }

    /** {@code text} unchanged (null allowed), or a bad-input error naming {@code what} and the first bad character. */
    public static String line(String what, String text, int maxLength) {
        if (text == null) {
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw RewindException.badInput(what + " is " + length + " characters long; at most " + maxLength
                    + " are allowed");
        }
        int pos = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            pos++;
            if (mustEscape(cp) || Character.getType(cp) == Character.SURROGATE) {
                String kind = cp == '\n' || cp == '\r' ? "line break" : Names.forbidden(cp);
                throw RewindException.badInput(what + " must be one line without control characters; it contains a "
                        + (kind == null ? "control character" : kind) + " (" + codePoint(cp) + ") at position " + pos);
            }
        }
        return text;
    }

    /**
     * {@code s} with control, format (bidi overrides, zero-width characters), line-separator and lone-surrogate
     * code points written as {@code \u001b}-style escapes; emoji joiners stay, so emoji still print.
     */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (mustEscape(cp) || Character.getType(cp) == Character.SURROGATE) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
            } else if (sb != null) {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb == null ? s : sb.toString();
    }

    /** "1 model", "2 models": a count and its noun (regular plural) for sentences people read. */
    public static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }

    /** {@code U+202E} style, for messages. */
    public static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    private static boolean mustEscape(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.FORMAT -> cp != ZWJ && cp != ZWNJ;
            default -> false;
        };
    }
}
