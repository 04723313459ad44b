package dev.rewind.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How numbers, sizes and times look in the window. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    public static String number(Double x) {
        if (x == null || x.isNaN()) {
            return "—";
        }
        if (x.isInfinite()) {
            return x > 0 ? "∞" : "−∞";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e12) {
            return Long.toString(x.longValue());
        }
        double a = Math.abs(x);
        if (a >= 0.001 && a < 1e6) {
            return String.format("%.4f", x).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return String.format("%.3e", x);
    }

    public static String signed(double x) {
        if (Double.isNaN(x)) {
            return "—";
        }
        return (x > 0 ? "+" : x < 0 ? "−" : "±") + number(Math.abs(x));
    }

    public static String percent(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "";
        }
        return String.format("%s%.1f%%", x > 0 ? "+" : x < 0 ? "−" : "±", Math.abs(x) * 100);
    }

    public static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    public static String bytes(Long n) {
        return n == null ? "—" : dev.rewind.domain.Sizes.human(n);
    }
}
