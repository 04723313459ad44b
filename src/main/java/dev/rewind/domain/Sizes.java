package dev.rewind.domain;

/** Byte counts for people: 1.3 KiB, 58.0 MiB. */
public final class Sizes {
    private Sizes() {
    }

    public static String human(Long n) {
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
