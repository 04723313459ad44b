package dev.rewind.domain;

/**
 * Reasons kept in the history are one line: a line break or other control character could forge rows in
 * the history table, so it is refused rather than cleaned.
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
        if (reason.length() > MAX_LENGTH) {
            throw RewindException.badInput(what + " is " + reason.length() + " characters long; at most "
                    + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (Character.isISOControl(c)) {
                throw RewindException.badInput(what + " must be one line: it contains a control character (U+"
                        + String.format("%04X", (int) c) + ") at position " + (i + 1));
            }
        }
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
