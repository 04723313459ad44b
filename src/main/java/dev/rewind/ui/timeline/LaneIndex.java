package dev.rewind.ui.timeline;

import dev.rewind.domain.Lane;
import java.time.Instant;
import java.util.List;

/**
 * One lane's segment times as arrays, made once per data, so a frame finds the visible segments by binary search and
 * steps over runs of sub-pixel ones instead of walking tens of thousands. Only for lanes whose segments follow one
 * another (each ends where the next begins, as the catalog's moves do); others are walked whole.
 */
record LaneIndex(long[] from, long[] until, boolean chained) {
    static LaneIndex of(Lane lane, Instant now) {
        List<Lane.Segment> segments = lane.segments();
        int n = segments.size();
        long[] from = new long[n];
        long[] until = new long[n];
        boolean chained = true;
        Instant before = null;
        for (int i = 0; i < n; i++) {
            Lane.Segment s = segments.get(i);
            // a segment ends where the next begins, in one Instant: its time is worked out once
            from[i] = i > 0 && s.from() == before ? until[i - 1] : s.from().toEpochMilli();
            before = s.until();
            until[i] = (s.until() == null ? now : s.until()).toEpochMilli();
            chained &= until[i] >= from[i] && (i == 0 || from[i] == until[i - 1] && from[i] >= from[i - 1]);
        }
        return new LaneIndex(from, until, chained);
    }

    /** The first segment ending after {@code ms} (0 when not chained: every segment is looked at). */
    int firstEndingAfter(double ms, int fromIndex) {
        if (!chained) {
            return fromIndex;
        }
        int lo = fromIndex;
        int hi = until.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (until[mid] <= ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
