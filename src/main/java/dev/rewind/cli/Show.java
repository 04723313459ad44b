package dev.rewind.cli;

import java.util.Map;
import java.util.stream.Collectors;

/** Formatting shared by the text outputs. */
final class Show {
    private Show() {
    }

    static String tags(Map<String, String> tags) {
        return dev.rewind.domain.Text.escape(tags.entrySet().stream()
                .map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
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

    /** printf arguments with every text one escaped ({@link dev.rewind.domain.Text#escape}). */
    static Object[] escaped(Object... args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof CharSequence s) {
                out[i] = dev.rewind.domain.Text.escape(s.toString());
            }
        }
        return out;
    }

    static String bytes(Long n) {
        return dev.rewind.domain.Sizes.human(n);
    }
}
