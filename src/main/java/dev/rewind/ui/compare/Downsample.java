package dev.rewind.ui.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a series for display only (the table always shows every value): points are split into buckets and
 * each bucket keeps its first, lowest and highest point, so peaks and drops survive.
 */
public final class Downsample {
    private Downsample() {
    }

    /** Indices of the points to draw, ascending; all of them when there are no more than {@code 3 * buckets}. */
    public static List<Integer> minMax(double[] ys, int buckets) {
        int n = ys.length;
        List<Integer> keep = new ArrayList<>();
        if (n <= 3 * buckets) {
            for (int i = 0; i < n; i++) {
                keep.add(i);
            }
            return keep;
        }
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = -1;
            int hi = -1;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(ys[i])) {
                    continue;
                }
                if (lo < 0 || ys[i] < ys[lo]) {
                    lo = i;
                }
                if (hi < 0 || ys[i] > ys[hi]) {
                    hi = i;
                }
            }
            java.util.TreeSet<Integer> inBucket = new java.util.TreeSet<>();
            inBucket.add(from);
            if (lo >= 0) {
                inBucket.add(lo);
                inBucket.add(hi);
            }
            keep.addAll(inBucket);
        }
        keep.add(n - 1);
        return keep.stream().distinct().sorted().toList();
    }
}
