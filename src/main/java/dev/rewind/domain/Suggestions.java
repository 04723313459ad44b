package dev.rewind.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for a name that is not there: the existing name closest to the typed one by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours, ignoring case), when it is close enough to be a
 * typo: at most one edit for names up to four characters, two up to eight, three beyond.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest of {@code names} to {@code typed} (ties: the first one given), if one is close enough. */
    public static Optional<String> closest(String typed, Collection<String> names) {
        if (typed == null || typed.isEmpty()) {
            return Optional.empty();
        }
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = limit(t.length());
        String best = null;
        int bestDistance = limit + 1;
        for (String name : names) {
            if (name.equals(typed) || Math.abs(name.length() - t.length()) >= bestDistance) {
                continue;
            }
            int d = distance(t, name.toLowerCase(Locale.ROOT), bestDistance - 1);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" when a close name exists, else "". */
    public static String hint(String typed, Collection<String> names) {
        return closest(typed, names).map(n -> " (did you mean '" + Text.escape(n) + "'?)").orElse("");
    }

    static int limit(int length) {
        return length <= 4 ? 1 : length <= 8 ? 2 : 3;
    }

    /** Optimal-string-alignment distance, or {@code max + 1} as soon as it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
        int[] prev2 = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, prev2[j - 2] + 1);
                }
                cur[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], max + 1);
    }
}
