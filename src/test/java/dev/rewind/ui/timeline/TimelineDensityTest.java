package dev.rewind.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.EventKind;
import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import dev.rewind.ui.timeline.TimelineLayout.GroupMark;
import dev.rewind.ui.timeline.TimelineLayout.Mark;
import dev.rewind.ui.timeline.TimelineLayout.SegmentBox;
import dev.rewind.ui.timeline.TimelineLayout.VersionMark;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long histories at every zoom, without a toolkit: counts never overlap each other or a single marker, each count's
 * text fits its box, and the live and failed versions stay marked wherever they are in view.
 */
class TimelineDensityTest {
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final TimelineGeometry G = TimelineGeometry.DEFAULT;
    private static final double WIDTH = 1200;

    private final TimelineLayouter layouter = new TimelineLayouter(s -> s.length() * 7.0, s -> s.length() * 8.0,
            ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(ints = {100, 20_000, 100_000})
    void countsNeverOverlapAndLiveAndFailedStayMarkedAtEveryZoom(int n) {
        List<Version> vs = history(n);
        Version live = vs.get(n * 2 / 3);
        Version failed = vs.stream().filter(Version::failed).findFirst().orElseThrow();
        Lane production = new Lane("production", List.of(
                new Lane.Segment(vs.get(n / 3).label(), vs.get(n / 3).createdAt(), live.createdAt(), EventKind.DEPLOY),
                new Lane.Segment(live.label(), live.createdAt(), null, EventKind.DEPLOY)), live.label());
        Instant now = vs.get(n - 1).createdAt().plusSeconds(3_600);
        TimelineData d = new TimelineData(vs, List.of(production), now);
        double first = vs.get(0).createdAt().toEpochMilli();
        double span = now.toEpochMilli() - first;
        int layouts = 0;
        for (double zoom = 1; span / zoom > 60_000; zoom *= 1.7) {
            for (Version centre : List.of(live, failed, vs.get(0), vs.get(n / 2), vs.get(n - 1))) {
                double c = centre.createdAt().toEpochMilli();
                double half = span / zoom / 2 * 1.05;
                TimelineLayout l = layouter.layout(d, List.of(),
                        new TimelineLayouter.Viewport(c - half, c + half, WIDTH, 300), G);
                check(l, c - half, c + half, live, failed);
                layouts++;
            }
        }
        assertThat(layouts).isGreaterThan(40);
    }

    private static void check(TimelineLayout l, double from, double to, Version live, Version failed) {
        List<Mark> marks = l.marks();
        assertThat(marks).extracting(Mark::x).isSorted();
        for (int i = 1; i < marks.size(); i++) {
            double leftEnd = right(marks.get(i - 1));
            double rightStart = left(marks.get(i));
            if (marks.get(i - 1) instanceof GroupMark || marks.get(i) instanceof GroupMark) {
                assertThat(rightStart).as("a count touches its neighbour in %s .. %s", from, to)
                        .isGreaterThanOrEqualTo(leftEnd);
            }
        }
        for (Mark m : marks) {
            if (m instanceof GroupMark g) {
                assertThat(g.text()).isNotBlank();
                assertThat(g.text().length() * 7.0 + 8).as("the count's text fits its box").isLessThanOrEqualTo(g.width());
            }
        }
        if (inView(live, l, from, to)) {
            assertThat(marks).as("the live version is marked").anyMatch(m -> m instanceof VersionMark v
                    ? v.live() && v.version().equals(live) : ((GroupMark) m).live());
        }
        if (inView(failed, l, from, to)) {
            assertThat(marks).as("the failed version is marked").anyMatch(m -> m instanceof VersionMark v
                    ? v.version().equals(failed) : ((GroupMark) m).failed());
        }
        List<SegmentBox> liveBoxes = l.lanes().get(0).segments().stream().filter(SegmentBox::live).toList();
        if (l.nowX() >= l.scale().left() && l.nowX() <= l.width()) { // now in view: so is the live segment, labelled
            assertThat(liveBoxes).singleElement().satisfies(b -> assertThat(b.text()).isEqualTo(live.label()));
        }
    }

    private static boolean inView(Version v, TimelineLayout l, double from, double to) {
        double x = l.scale().x(v.createdAt().toEpochMilli());
        return x >= l.scale().left() + 1 && x <= l.width() - TimelineGeometry.RIGHT_MARGIN - 1;
    }

    private static double left(Mark m) {
        return m instanceof GroupMark g ? g.left() : m.x() - ((VersionMark) m).radius();
    }

    private static double right(Mark m) {
        return m instanceof GroupMark g ? g.right() : m.x() + ((VersionMark) m).radius();
    }

    /** Nightly retrains over the years with bursts of many a minute apart, every 97th tagged failed. */
    private static List<Version> history(int n) {
        Random rnd = new Random(n);
        List<Version> vs = new ArrayList<>(n);
        long t = T0;
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(10) == 0 ? 60_000L * (1 + rnd.nextInt(5)) : 3_600_000L * (1 + rnd.nextInt(30));
            Map<String, String> tags = i % 97 == 13 ? java.util.Collections.singletonMap("failed", null) : Map.of();
            vs.add(new Version(i + 1, "m", (i / 1000) + "." + (i % 1000), i + 1, Instant.ofEpochMilli(t), null, null,
                    null, null, null, Map.of(), Map.of(), tags));
        }
        return vs;
    }
}
