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
        return dev.rewind.domain.Sizes.human(n);
    }
}
