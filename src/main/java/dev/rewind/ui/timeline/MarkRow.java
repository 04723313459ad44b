package dev.rewind.ui.timeline;

import dev.rewind.ui.timeline.TimelineLayout.GroupMark;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;

/**
 * The versions row: versions drawn one by one where they have room, else counts. A count's box is as wide as its
 * text, centred on the versions it stands for, and a box that would touch its left neighbour takes that neighbour
 * in instead; so counts never overlap or clip, however many versions there are. Each frame costs a binary search
 * per mark, not a pass over every version, which keeps pan and zoom cheap at 100,000 versions.
 */
final class MarkRow {
    /** Pixels kept free between two boxes. */
    static final double GAP = 3;

    /** What the row is built from: the data's times and per-version flags as running counts, made once per data. */
    record Index(long[] times, int[] failed, int[] stable, int[] live) {
        /** Times in order, and whether the version at each position is failed, stable, live. */
        static Index of(long[] times, IntPredicate failed, IntPredicate stable, IntPredicate live) {
            int n = times.length;
            int[] f = new int[n + 1];
            int[] s = new int[n + 1];
            int[] l = new int[n + 1];
            for (int i = 0; i < n; i++) {
                f[i + 1] = f[i] + (failed.test(i) ? 1 : 0);
                s[i + 1] = s[i] + (stable.test(i) ? 1 : 0);
                l[i + 1] = l[i] + (live.test(i) ? 1 : 0);
            }
            return new Index(times, f, s, l);
        }

        /** Times in order, and the positions of the failed, stable and live versions. */
        static Index ofPositions(long[] times, int[] failed, int[] stable, int[] live) {
            return new Index(times, running(times.length, failed), running(times.length, stable),
                    running(times.length, live));
        }

        private static int[] running(int n, int[] positions) {
            int[] r = new int[n + 1];
            for (int p : positions) {
                r[p + 1] = 1;
            }
            for (int i = 0; i < n; i++) {
                r[i + 1] += r[i];
            }
            return r;
        }

        static boolean any(int[] running, int from, int to) {
            return running[to] > running[from];
        }
    }

    /** A run of versions {@code [from, to)} and the box drawn for it. */
    private record Run(int from, int to, double left, double right) {
        boolean single() {
            return to - from == 1;
        }
    }

    private final ToDoubleFunction<String> plainWidth;

    MarkRow(ToDoubleFunction<String> plainWidth) {
        this.plainWidth = plainWidth;
    }

    /**
     * Runs of versions {@code [lo, hi)}: a version alone when no other is within {@code gap} pixels, else a count;
     * {@code radius}: half a single marker's width.
     */
    List<int[]> runs(Index ix, TimeScale scale, int lo, int hi, double gap, double radius) {
        List<Run> runs = new ArrayList<>();
        int i = lo;
        while (i < hi) {
            double x0 = scale.x(ix.times()[i]);
            int j = Math.min(hi, Math.max(i + 1, firstAtOrAfter(ix.times(), scale.time(x0 + gap), i, hi)));
            Run r = run(ix, scale, i, j, radius);
            // a box that would touch the one before it joins it; the joined box may then touch the one before that
            // (two single markers are a gap apart already)
            while (!runs.isEmpty() && !(r.single() && runs.get(runs.size() - 1).single())
                    && runs.get(runs.size() - 1).right() + GAP > r.left()) {
                Run prev = runs.remove(runs.size() - 1);
                r = run(ix, scale, prev.from(), r.to(), radius);
            }
            runs.add(r);
            i = j;
        }
        return runs.stream().map(r -> new int[] {r.from(), r.to()}).toList();
    }

    private Run run(Index ix, TimeScale scale, int from, int to, double radius) {
        double a = scale.x(ix.times()[from]);
        double b = scale.x(ix.times()[to - 1]);
        double half = to - from == 1 ? radius + 1 : boxWidth(to - from) / 2;
        double mid = (a + b) / 2;
        return new Run(from, to, mid - half, mid + half);
    }

    double boxWidth(int count) {
        return Math.max(18, plainWidth.applyAsDouble(countText(count)) + 8);
    }

    static String countText(int count) {
        return count > 999 ? (count / 1000) + "k" : Integer.toString(count);
    }

    GroupMark group(Index ix, TimeScale scale, int from, int to, double y, boolean selected) {
        long first = ix.times()[from];
        long last = ix.times()[to - 1];
        double x = (scale.x(first) + scale.x(last)) / 2;
        return new GroupMark(x, y, to - from, countText(to - from), boxWidth(to - from), first, last, selected,
                Index.any(ix.live(), from, to), Index.any(ix.failed(), from, to), Index.any(ix.stable(), from, to));
    }

    /** The first index in {@code [from, to)} whose time is at or after {@code ms}, or {@code to}. */
    static int firstAtOrAfter(long[] times, double ms, int from, int to) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
