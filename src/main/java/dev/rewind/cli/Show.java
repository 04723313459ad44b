package dev.rewind.cli;

import java.util.Map;
import java.util.stream.Collectors;

/** Formatting shared by the text outputs. */
final class Show {
    private Show() {
    }

    static String tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return String.format("%.6g", x).replaceAll("0+$", "").replaceAll("\\.$", "").replaceAll("0+e", "e");
    }

    static String bytes(Long n) {
        if (n == null) {
            return "-";
        }
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }
}
