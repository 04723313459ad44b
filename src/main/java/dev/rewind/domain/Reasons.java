package dev.rewind.domain;

/**
 * Reasons kept in the history are one line: a line break, a line separator or another control or format
 * character could forge rows in the history table, so it is refused rather than cleaned ({@link Text#line}).
 */
public final class Reasons {
    public static final int MAX_LENGTH = 10_000;

    private Reasons() {
    }

    /** Returns the reason unchanged (null allowed), or throws a one-line bad-input error. */
    public static String check(String what, String reason) {
        if (reason == null) {
            return null;
        }
        Text.line(what, reason, MAX_LENGTH); // the one rule for one-line text: controls, format chars, separators
        return reason;
    }

    /** Like {@link #check}, and the reason must not be missing or blank; {@code why} says who asks for it. */
    public static String require(String what, String reason, String why) {
        if (reason == null || reason.isBlank()) {
            throw RewindException.badInput(what + " is required: " + why + " (add --reason T)");
        }
        return check(what, reason);
    }
}
