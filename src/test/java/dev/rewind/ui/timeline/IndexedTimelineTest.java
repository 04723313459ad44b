package dev.rewind.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.EventKind;
import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import dev.rewind.domain.VersionRows;
import dev.rewind.ui.timeline.TimelineLayout.GroupMark;
import dev.rewind.ui.timeline.TimelineLayout.VersionMark;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A timeline made from the catalog's columns ({@link TimelineData#index}, its versions made as they are drawn) is
 * laid out exactly as one made from a list of the same versions, at every zoom; and when a target moved between the
 * two reads, what is live follows the lanes.
 */
class IndexedTimelineTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long MINUTE = 60_000;
    private final TimelineLayouter layouter = new TimelineLayouter(s -> s.length() * 7.0, s -> s.length() * 8.0,
            ZoneOffset.UTC);

    /** {@code n} versions a few minutes apart, some tagged failed or stable, served in turn by production. */
    private record Model(VersionRows rows, List<Lane> lanes, Instant now) {
    }

    private static Model model(int n, long seed, long liveIndex) {
        Random random = new Random(seed);
        long[] ids = new long[n];
        long[] seqs = new long[n];
        long[] times = new long[n];
        String[] labels = new String[n];
        Map<Long, Map<String, String>> tags = new HashMap<>();
        long at = T0;
        for (int i = 0; i < n; i++) {
            at += random.nextInt(5) * MINUTE; // ties in time too
            ids[i] = 500 + i;
            seqs[i] = i + 1;
            times[i] = at;
            labels[i] = "v" + i;
            int r = random.nextInt(40);
            if (r == 0) {
                tags.put(ids[i], Map.of("failed", "broke"));
            } else if (r == 1) {
                tags.put(ids[i], Map.of("stable", "yes"));
            }
        }
        List<Lane.Segment> segments = new ArrayList<>();
        Instant from = Instant.ofEpochMilli(times[0]);
        for (int i = 0; i < n; i += 7) {
            Instant until = i + 7 < n ? Instant.ofEpochMilli(times[i + 7]) : null;
            segments.add(new Lane.Segment(labels[i], from, until, i % 3 == 0 ? EventKind.ROLLBACK : EventKind.DEPLOY));
            from = until;
        }
        String live = segments.get(segments.size() - 1).version();
        Instant now = Instant.ofEpochMilli(at + 10 * MINUTE);
        return new Model(new VersionRows(ids, seqs, times, labels, tags, new long[] {500 + liveIndex}),
                List.of(new Lane("production", segments, live)), now);
    }

    private static long lastServed(int n) {
        return (n - 1) / 7 * 7L;
    }

    @Test
    void drawnFromColumnsAsFromAListAtEveryZoom() {
        for (int n : new int[] {100, 20_000}) {
            Model m = model(n, n, lastServed(n));
            TimelineData indexed = new TimelineData(TimelineData.index(m.rows(), "m"),
                    TimelineData.index(m.lanes(), m.now())).prepare();
            TimelineData plain = new TimelineData(new ArrayList<>(m.rows().versions("m")), m.lanes(), m.now());
            long start = m.rows().createdAtMs(0);
            long end = m.now().toEpochMilli();
            List<Version> selected = List.of(plain.versions().get(n / 2));
            for (double zoom : new double[] {1, 4, 64, 1_000}) {
                double span = (end - start) / zoom;
                double from = start + (end - start - span) / 2;
                var viewport = new TimelineLayouter.Viewport(from, from + span, 1_000, 300);
                assertThat(layouter.layout(indexed, selected, viewport, TimelineGeometry.DEFAULT))
                        .as("%d versions at zoom %s", n, zoom)
                        .isEqualTo(layouter.layout(plain, selected, viewport, TimelineGeometry.DEFAULT));
            }
            TimelineLayout whole = layouter.layout(indexed, List.of(), new TimelineLayouter.Viewport(start, end, 1_000,
                    300), TimelineGeometry.DEFAULT);
            assertThat(whole.marks()).as("the live version is marked at the widest zoom")
                    .anyMatch(mk -> mk instanceof GroupMark g && g.live() || mk instanceof VersionMark v && v.live());
            assertThat(indexed.withLabel("v" + lastServed(n))).as("the live version by label")
                    .isEqualTo(plain.versions().get((int) lastServed(n)));
            assertThat(indexed.withLabel("v3")).isEqualTo(plain.versions().get(3));
            assertThat(indexed.withLabel("v" + n)).isNull();
            assertThat(indexed.withLabel(null)).isNull();
        }
    }

    @Test
    void whenATargetMovedBetweenTheTwoReadsTheLanesSayWhatIsLive() {
        int n = 100;
        // the rows were read while v7 was live; the lanes, read a moment later, end on the last version served
        Model m = model(n, 3, 7);
        TimelineData indexed = new TimelineData(TimelineData.index(m.rows(), "m"),
                TimelineData.index(m.lanes(), m.now())).prepare();
        TimelineData plain = new TimelineData(new ArrayList<>(m.rows().versions("m")), m.lanes(), m.now());
        var viewport = new TimelineLayouter.Viewport(m.rows().createdAtMs(0), m.now().toEpochMilli(), 20_000, 300);
        TimelineLayout l = layouter.layout(indexed, List.of(), viewport, TimelineGeometry.DEFAULT);
        assertThat(l).isEqualTo(layouter.layout(plain, List.of(), viewport, TimelineGeometry.DEFAULT));
        assertThat(l.marks()).filteredOn(mk -> mk instanceof VersionMark v && v.live())
                .extracting(mk -> ((VersionMark) mk).version().label()).containsExactly("v" + lastServed(n));
    }
}
