package dev.rewind.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Artifact;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import dev.rewind.ui.timeline.TimelineLayout.Caption;
import dev.rewind.ui.timeline.TimelineLayout.Content;
import dev.rewind.ui.timeline.TimelineLayout.GroupMark;
import dev.rewind.ui.timeline.TimelineLayout.LaneRow;
import dev.rewind.ui.timeline.TimelineLayout.Mark;
import dev.rewind.ui.timeline.TimelineLayout.SegmentBox;
import dev.rewind.ui.timeline.TimelineLayout.Tone;
import dev.rewind.ui.timeline.TimelineLayout.VersionMark;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline's layout model, with a fake text measurer: no toolkit. */
class TimelineLayoutTest {
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final TimelineGeometry G = TimelineGeometry.DEFAULT;

    // bold text measures wider, as it does on screen, so a test can tell which measure was used
    private final TimelineLayouter layouter = new TimelineLayouter(s -> s.length() * 7.0, s -> s.length() * 8.0,
            ZoneOffset.UTC);

    @Test
    void marksAreInTimeOrderInsideThePlot() {
        TimelineData d = data(versions(5, DAY), List.of());
        TimelineLayout l = layout(d, List.of(), 800);

        assertThat(l.content()).isEqualTo(Content.VERSIONS);
        assertThat(l.marks()).hasSize(5).allMatch(m -> m instanceof VersionMark);
        assertThat(l.marks()).extracting(m -> ((VersionMark) m).version().label())
                .containsExactly("1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4");
        List<Double> xs = l.marks().stream().map(Mark::x).toList();
        assertThat(xs).isSorted().doesNotHaveDuplicates()
                .allMatch(x -> x >= G.gutter() && x <= 800 - TimelineGeometry.RIGHT_MARGIN);
        assertThat(l.marks()).allMatch(m -> m.y() == G.markerY());
    }

    @Test
    void laneSegmentsCoverTheVersionsServedAndTheLiveOneRunsToNow() {
        List<Version> vs = versions(3, DAY);
        vs.set(1, tagged(vs.get(1), "failed"));
        Lane production = new Lane("production", List.of(
                new Lane.Segment("1.0.0", at(0), at(1), EventKind.DEPLOY),
                new Lane.Segment("1.0.1", at(1), at(1.5), EventKind.DEPLOY),
                new Lane.Segment("1.0.0", at(1.5), null, EventKind.ROLLBACK)), "1.0.0");
        Lane staging = new Lane("staging", List.of(new Lane.Segment("1.0.2", at(2), null, EventKind.DEPLOY)), "1.0.2");
        TimelineLayout l = layout(data(vs, List.of(production, staging)), List.of(vs.get(0)), 1000);

        assertThat(l.lanes()).extracting(LaneRow::target).containsExactly("production", "staging");
        assertThat(l.lanes().get(1).y()).isEqualTo(l.lanes().get(0).y() + G.laneHeight() + TimelineGeometry.LANE_GAP);
        List<SegmentBox> segs = l.lanes().get(0).segments();
        assertThat(segs).extracting(SegmentBox::version).containsExactly("1.0.0", "1.0.1", "1.0.0");
        assertThat(segs).extracting(SegmentBox::live).containsExactly(false, false, true);
        assertThat(segs).extracting(SegmentBox::failed).containsExactly(false, true, false);
        assertThat(segs).extracting(SegmentBox::selected).containsExactly(true, false, true);
        for (int i = 1; i < segs.size(); i++) {
            assertThat(segs.get(i).x0()).as("segments follow each other").isCloseTo(segs.get(i - 1).x1(),
                    org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(segs.get(2).x1()).as("the live segment runs to now").isCloseTo(l.scale().x(at(3).toEpochMilli()),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(segs.get(2).text()).isEqualTo("1.0.0 ↶");
        TimelineData described = data(vs, List.of(production, staging));
        assertThat(described.describe(vs.get(1))).isEqualTo(vs.get(1).model() + " 1.0.1, tagged failed");
        assertThat(described.describe(vs.get(0))).as("what a screen reader hears")
                .isEqualTo(vs.get(0).model() + " 1.0.0, live on production since "
                        + dev.rewind.ui.common.Formats.time(at(1.5)));
        assertThat(described.describe(null)).isEqualTo("no version selected; 3 versions");
        assertThat(l.lanes()).extracting(LaneRow::servesFailed).as("neither serves a failed version")
                .containsExactly(false, false);
        vs.set(0, tagged(vs.get(0), "failed"));
        assertThat(layout(data(vs, List.of(production, staging)), List.of(), 1000).lanes())
                .extracting(LaneRow::servesFailed).as("production now serves a failed version").containsExactly(true, false);
        assertThat(segs.get(2).bold()).isTrue();
    }

    @Test
    void aRollbackMadeJustNowIsDrawnWideEnoughForItsLabelAtAnyZoom() {
        List<Version> vs = versions(3, DAY);
        Instant now = at(30);
        Lane lane = new Lane("production", List.of(
                new Lane.Segment("1.0.0", at(0), at(1), EventKind.DEPLOY),
                new Lane.Segment("1.0.1", at(1), now.minusSeconds(2), EventKind.DEPLOY),
                new Lane.Segment("1.0.0", now.minusSeconds(2), null, EventKind.ROLLBACK)), "1.0.0");
        TimelineData d = new TimelineData(vs, List.of(lane), now);
        for (double width : new double[] {400, 800, 1600}) {
            TimelineLayout l = layout(d, List.of(), width, at(-1), at(31));
            List<SegmentBox> segs = l.lanes().get(0).segments();
            SegmentBox live = segs.get(segs.size() - 1);
            assertThat(live.live()).isTrue();
            assertThat(live.text()).as("at width %s", width).isEqualTo("1.0.0 ↶");
            assertThat(live.x1() - live.x0()).as("at width %s", width)
                    .isGreaterThanOrEqualTo(Math.max(TimelineLayouter.MIN_LIVE_WIDTH, "1.0.0 ↶".length() * 8.0 + 10));
            assertThat(live.x1()).isCloseTo(l.scale().x(now.toEpochMilli()), org.assertj.core.data.Offset.offset(0.01));
            SegmentBox before = segs.get(segs.size() - 2);
            assertThat(before.version()).isEqualTo("1.0.1");
            assertThat(before.x1()).as("the segment before gives way, no overlap").isCloseTo(live.x0(),
                    org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void segmentTextIsLeftOutWhereItDoesNotFit() {
        List<Version> vs = versions(2, Duration.ofMinutes(30));
        Lane lane = new Lane("production", List.of(
                new Lane.Segment("1.0.0", at(0), T0.plus(Duration.ofMinutes(30)), EventKind.DEPLOY),
                new Lane.Segment("1.0.1", T0.plus(Duration.ofMinutes(30)), null, EventKind.DEPLOY)), "1.0.1");
        TimelineLayout l = layout(data(vs, List.of(lane)), List.of(), 800);

        SegmentBox first = l.lanes().get(0).segments().get(0);
        assertThat(first.x1() - first.x0()).isLessThan(5 * 7 + 10);
        assertThat(first.text()).isNull();
        assertThat(l.lanes().get(0).segments().get(1).text()).isEqualTo("1.0.1");
    }

    @Test
    void labelsNeverOverlapEachOther() {
        List<Version> vs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // uneven gaps (about 14 to 24 px) and label lengths, so some labels fit and some do not
            String label = i % 7 == 0 ? "release-candidate-" + i : "v" + i;
            vs.add(version(label, i, T0.plus(Duration.ofMinutes(90L * i + (i % 3) * 15))));
        }
        Lane lane = new Lane("production", List.of(new Lane.Segment("v40", at(0.5), null, EventKind.DEPLOY)), "v40");
        TimelineLayout l = layout(data(vs, List.of(lane)), List.of(vs.get(41)), 1400, at(-0.05), at(3.85));

        assertThat(l.marks()).hasSize(60).allMatch(m -> m instanceof VersionMark);

        List<Caption> labels = l.marks().stream().filter(m -> m instanceof VersionMark v && v.label() != null)
                .map(m -> ((VersionMark) m).label()).toList();
        assertThat(labels).hasSizeGreaterThan(3);
        assertThat(l.marks().stream().filter(m -> m instanceof VersionMark v && v.label() == null))
                .as("some labels had to give way").isNotEmpty();
        for (int i = 1; i < labels.size(); i++) {
            assertThat(labels.get(i).left()).as("%s clear of %s", labels.get(i).text(), labels.get(i - 1).text())
                    .isGreaterThan(labels.get(i - 1).right() + 4);
        }
        // each label is as wide as its font measures it: bold for the live and the selected version
        for (Caption c : labels) {
            assertThat(c.width()).isEqualTo(c.text().length() * (c.bold() ? 8.0 : 7.0));
        }
        assertThat(labels).filteredOn(Caption::bold).extracting(Caption::text).isSubsetOf("v40", "v41");
    }

    @Test
    void theLiveVersionIsMarkedAndSoIsTheCountThatHoldsIt() {
        List<Version> vs = versions(4, DAY);
        Lane lane = new Lane("production", List.of(new Lane.Segment("1.0.2", at(2), null, EventKind.DEPLOY)), "1.0.2");
        TimelineLayout l = layout(data(vs, List.of(lane)), List.of(), 800);

        assertThat(l.marks()).map(m -> (VersionMark) m).filteredOn(VersionMark::live)
                .extracting(m -> m.version().label()).containsExactly("1.0.2");

        // zoomed far out, all four fall into one count, which is live because it holds 1.0.2
        TimelineLayout far = layouter.layout(data(vs, List.of(lane)), List.of(),
                new TimelineLayouter.Viewport(at(-3000).toEpochMilli(), at(3000).toEpochMilli(), 800, 300), G);
        assertThat(far.marks()).singleElement().isInstanceOfSatisfying(GroupMark.class, g -> {
            assertThat(g.count()).isEqualTo(4);
            assertThat(g.live()).isTrue();
            assertThat(g.fromMs()).isEqualTo(at(0).toEpochMilli());
            assertThat(g.toMs()).isEqualTo(at(3).toEpochMilli());
        });
    }

    @Test
    void denseVersionsBecomeCountsAndThousandsAreShortened() {
        List<Version> vs = versions(1500, Duration.ofSeconds(1));
        TimelineLayout l = layout(data(vs, List.of()), List.of(vs.get(10)), 800);

        assertThat(l.marks()).singleElement().isInstanceOfSatisfying(GroupMark.class, g -> {
            assertThat(g.count()).isEqualTo(1500);
            assertThat(g.text()).isEqualTo("1k");
            assertThat(g.selected()).isTrue();
            assertThat(g.width()).isEqualTo(Math.max(18, 2 * 7.0 + 8));
        });
    }

    @Test
    void atTheNarrowestZoomATagStillCarriesALetterNotOnlyAColour() {
        List<Version> vs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            vs.add(version("a-rather-long-label-" + i, i, T0.plus(Duration.ofMinutes(20L * i))));
        }
        vs.set(1, tagged(vs.get(1), "failed"));
        vs.set(2, tagged(vs.get(2), "owner"));
        TimelineLayout crowded = layout(data(vs, List.of()), List.of(), 800, at(-0.2), at(0.275));
        VersionMark failed = crowded.markOf("a-rather-long-label-1").orElseThrow();
        assertThat(failed.badge()).isNotNull();
        assertThat(failed.badge().letter()).isEqualTo("F");
        assertThat(failed.badge().tone()).isEqualTo(TimelineLayout.Tone.FAILED);
        assertThat(failed.badge().radius()).as("big enough for its letter").isGreaterThanOrEqualTo(5);
        assertThat(failed.badge().y() - failed.badge().radius()).as("under the marker")
                .isGreaterThan(failed.y() + failed.radius());
        assertThat(crowded.markOf("a-rather-long-label-2").orElseThrow().badge().letter()).isEqualTo("O");

        // zoomed out to "fit" a whole year: the three become one count, which keeps the failed one's F
        TimelineLayout far = layouter.layout(data(vs, List.of()), List.of(),
                new TimelineLayouter.Viewport(at(-180).toEpochMilli(), at(180).toEpochMilli(), 800, 300), G);
        assertThat(far.marks()).singleElement().isInstanceOfSatisfying(GroupMark.class, g -> {
            assertThat(g.badges()).extracting(TimelineLayout.TagBadge::letter).containsExactly("F");
            assertThat(g.badges().get(0).radius()).isGreaterThanOrEqualTo(5);
        });
    }

    @Test
    void hitTestingPicksTheVersionUnderThePointer() {
        List<Version> vs = versions(3, DAY);
        TimelineLayout l = layout(data(vs, List.of()), List.of(), 800);
        VersionMark middle = l.markOf("1.0.1").orElseThrow();

        assertThat(l.versionAt(middle.x() + 5, middle.y())).isEqualTo(vs.get(1));
        assertThat(l.versionAt(middle.x() - 5, 0)).isEqualTo(vs.get(1));
        assertThat(l.versionAt(middle.x() + 40, middle.y())).isNull();
        double between = (middle.x() + l.markOf("1.0.2").orElseThrow().x()) / 2;
        assertThat(l.markAt(between)).isEmpty();
        assertThat(l.markOf("9.9.9")).isEmpty();
    }

    @Test
    void taggedVersionsGetChipsUnderTheirLabel() {
        List<Version> vs = new ArrayList<>(versions(2, Duration.ofMinutes(20)));
        vs.set(0, tagged(tagged(vs.get(0), "stable"), "reviewed"));
        vs.set(1, tagged(vs.get(1), "failed"));
        TimelineLayout l = layout(data(vs, List.of()), List.of(), 800, at(-0.02), at(0.04));

        VersionMark first = l.markOf("1.0.0").orElseThrow();
        assertThat(first.label()).isNotNull();
        assertThat(first.chips()).extracting(TimelineLayout.Chip::tone).containsExactly(Tone.STABLE, Tone.NEUTRAL);
        assertThat(first.chips()).allSatisfy(c -> {
            assertThat(c.left() + c.width() / 2).isEqualTo(first.x());
            assertThat(c.width()).isEqualTo(c.text().length() * 7.0 + 8);
        });
        assertThat(first.chips().get(0).top()).isGreaterThan(first.y() + first.radius());
        assertThat(first.chips().get(1).top()).isGreaterThan(first.chips().get(0).top() + first.chips().get(0).height());
        assertThat(l.markOf("1.0.1").orElseThrow().chips()).extracting(TimelineLayout.Chip::tone)
                .containsExactly(Tone.FAILED);
    }

    @Test
    void aTaggedVersionWhoseLabelGivesWayShowsADotInstead() {
        List<Version> vs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            vs.add(version("a-rather-long-label-" + i, i, T0.plus(Duration.ofMinutes(20L * i))));
        }
        vs.set(1, tagged(vs.get(1), "failed"));
        // 20 minutes is about 20 px here: apart enough for markers, too close for labels 140 px wide
        TimelineLayout l = layout(data(vs, List.of()), List.of(), 800, at(-0.2), at(0.275));

        assertThat(l.marks()).hasSize(3).allMatch(m -> m instanceof VersionMark);
        VersionMark crowded = l.markOf("a-rather-long-label-1").orElseThrow();
        assertThat(crowded.label()).isNull();
        assertThat(crowded.chips()).isEmpty();
        assertThat(crowded.tagDot()).isTrue();
        VersionMark untagged = l.markOf("a-rather-long-label-2").orElseThrow();
        assertThat(untagged.label()).isNull();
        assertThat(untagged.tagDot()).isFalse();
    }

    @Test
    void selectedVersionsAreMarkedAndGetALine() {
        List<Version> vs = versions(3, DAY);
        TimelineLayout l = layout(data(vs, List.of()), List.of(vs.get(2)), 800);

        assertThat(l.marks()).map(m -> (VersionMark) m).extracting(VersionMark::selected)
                .containsExactly(false, false, true);
        assertThat(l.selectionXs()).containsExactly(l.markOf("1.0.2").orElseThrow().x());
    }

    @Test
    void ticksSitInsideThePlotWithTheirDates() {
        TimelineLayout l = layout(data(versions(5, DAY), List.of()), List.of(), 800);

        assertThat(l.ticks()).hasSizeGreaterThan(2).allMatch(t -> t.x() >= G.gutter() && t.x() <= 800);
        assertThat(l.ticks()).extracting(TimelineLayout.Tick::text).contains("Mar 2", "Mar 3");
        assertThat(l.ticks().stream().map(TimelineLayout.Tick::x).toList()).isSorted();
        // every label shown fits left of the right edge (7 px a character in this test's measure)
        assertThat(l.ticks()).allMatch(t -> t.x() + TimelineLayouter.TICK_TEXT_INSET + t.text().length() * 7.0 <= 800);
    }

    @Test
    void aTickTooCloseToTheRightEdgeKeepsItsLineAndDropsItsLabel() {
        for (int width = 600; width <= 1000; width += 7) {
            TimelineLayout l = layout(data(versions(5, DAY), List.of()), List.of(), width);
            TimelineLayout.Tick last = l.ticks().get(l.ticks().size() - 1);
            double room = width - last.x() - TimelineLayouter.TICK_TEXT_INSET;
            if (room < 5 * 7.0) { // "Mar N" needs 35 px here
                assertThat(last.text()).as("width " + width).isEmpty();
                return;
            }
        }
        throw new AssertionError("no width put a tick within a label's width of the edge");
    }

    @Test
    void anEmptyHistorySaysSoAndATooNarrowOneDrawsNothing() {
        TimelineData empty = new TimelineData(List.of(), List.of(), at(3));
        assertThat(layout(empty, List.of(), 800).content()).isEqualTo(Content.NO_VERSIONS);
        TimelineLayout narrow = layout(data(versions(3, DAY), List.of()), List.of(), G.gutter() + 10);
        assertThat(narrow.content()).isEqualTo(Content.TOO_NARROW);
        assertThat(narrow.marks()).isEmpty();
        assertThat(narrow.versionAt(G.gutter() + 5, G.markerY())).isNull();
    }

    private TimelineLayout layout(TimelineData d, List<Version> selection, double width) {
        return layout(d, selection, width, at(-0.2), at(d.versions().size() + 0.2));
    }

    private TimelineLayout layout(TimelineData d, List<Version> selection, double width, Instant from, Instant to) {
        return layouter.layout(d, selection,
                new TimelineLayouter.Viewport(from.toEpochMilli(), to.toEpochMilli(), width, 300), G);
    }

    private static TimelineData data(List<Version> versions, List<Lane> lanes) {
        return new TimelineData(versions, lanes, at(Math.max(versions.size(), 3)));
    }

    private static Instant at(double days) {
        return T0.plusMillis((long) (days * DAY.toMillis()));
    }

    private static List<Version> versions(int n, Duration apart) {
        List<Version> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vs.add(version(n <= 10 ? "1.0." + i : "v" + i, i, T0.plus(apart.multipliedBy(i))));
        }
        return vs;
    }

    private static Version version(String label, long seq, Instant at) {
        return new Version(seq + 1, "m", label, seq, at, "ann", "", new Artifact("file:/m", null, null), null, null,
                Map.of(), Map.of(), Map.of());
    }

    private static Version tagged(Version v, String key) {
        Map<String, String> tags = new LinkedHashMap<>(v.tags());
        tags.put(key, null);
        return new Version(v.id(), v.model(), v.label(), v.seq(), v.createdAt(), v.author(), v.description(),
                v.artifact(), v.sourceRun(), v.parentLabel(), v.metrics(), v.params(), tags);
    }
}
