package dev.rewind.domain;

/** Validation of the names people type: model names, version labels, target names, tag and metric keys. */
public final class Names {
    public static final int MAX_LENGTH = 200;

    private Names() {
    }

    /** Returns the name unchanged, or throws a bad-input error naming what is wrong with it. */
    public static String require(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw RewindException.badInput(what + " must not be empty");
        }
        if (name.isBlank()) {
            throw RewindException.badInput(what + " must not be blank");
        }
        if (name.length() > MAX_LENGTH) {
            throw RewindException.badInput(what + " is " + name.length()
                    + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw RewindException.badInput(what + " contains a control character (U+"
                        + String.format("%04X", (int) c) + ") at position " + (i + 1));
            }
        }
        if (!name.strip().equals(name)) {
            throw RewindException.badInput(what + " '" + name + "' starts or ends with whitespace");
        }
        return name;
    }

    /** Free text (reasons, descriptions): may be empty, must not hold control characters except newlines and tabs. */
    public static String text(String what, String text, int maxLength) {
        if (text == null) {
            return null;
        }
        if (text.length() > maxLength) {
            throw RewindException.badInput(what + " is " + text.length() + " characters long; at most "
                    + maxLength + " are allowed");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw RewindException.badInput(what + " contains a control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
        return text;
    }
}
