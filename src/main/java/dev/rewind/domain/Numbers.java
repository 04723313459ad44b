package dev.rewind.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one grammar for metric values, wherever they come from (the command line, MLflow's files): a decimal or
 * scientific number, or {@code nan}, {@code inf}, {@code +inf}, {@code -inf}, {@code infinity} in any case.
 * Java's extras (hex {@code 0x1p3}, suffixes {@code 5d}/{@code 5f}) are refused, and so is a number too large or
 * too small for a double: {@code 1e400} is an error, not Infinity.
 */
public final class Numbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NONZERO_MANTISSA = Pattern.compile("^[+-]?0*\\.?0*[1-9]");
    private static final int MAX_LENGTH = 64;

    private Numbers() {
    }

    /** The value of {@code raw}, or a bad-input error naming {@code what}. */
    public static double parseMetric(String what, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw RewindException.badInput(what + " has no value");
        }
        if (raw.length() > MAX_LENGTH) {
            throw bad(what, raw, "it is longer than " + MAX_LENGTH + " characters");
        }
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "nan": return Double.NaN;
            case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        if (!DECIMAL.matcher(raw).matches()) {
            throw bad(what, raw, null);
        }
        double v = Double.parseDouble(raw);
        if (Double.isInfinite(v)) {
            throw bad(what, raw, "it is too large for a 64-bit floating-point number");
        }
        if (v == 0 && NONZERO_MANTISSA.matcher(raw).find()) {
            throw bad(what, raw, "it is too small for a 64-bit floating-point number (it would read as 0)");
        }
        return v;
    }

    private static RewindException bad(String what, String raw, String why) {
        return RewindException.badInput(what + " has value '" + Text.escape(raw) + "', which is not a number"
                + (why == null ? "" : ": " + why));
    }
}
