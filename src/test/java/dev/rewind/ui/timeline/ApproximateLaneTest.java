package dev.rewind.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Artifact;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import dev.rewind.ui.timeline.TimelineLayout.LaneRow;
import dev.rewind.ui.timeline.TimelineLayout.SegmentBox;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lane segments whose start an import only approximates (issue 18): marked in the layout model, no toolkit. */
class ApproximateLaneTest {
    private static final Instant T0 = Instant.parse("2022-03-01T00:00:00Z");
    private static final String MLFLOW = "time approximate: imported from MLflow, from the version's last update";
    private static final String GTO = "time approximate: imported from GTO, from the tag time";

    private final TimelineLayouter layouter = new TimelineLayouter(s -> s.length() * 7.0, s -> s.length() * 8.0,
            ZoneOffset.UTC);

    @Test
    void importedSegmentsAreMarkedApproximateAndRecordedOnesAreNot() {
        List<Version> vs = List.of(version("1", 0, at(0)), version("2", 1, at(10)), version("3", 2, at(20)));
        Lane production = new Lane("production", List.of(
                new Lane.Segment("1", at(1), at(12), EventKind.IMPORT, true),
                new Lane.Segment("2", at(12), at(25), EventKind.DEPLOY),
                new Lane.Segment("3", at(25), null, EventKind.IMPORT, true)), "3");
        TimelineLayout l = layout(new TimelineData(vs, List.of(production), at(30)), at(-1), at(31), 1000);

        List<SegmentBox> segs = l.lanes().get(0).segments();
        assertThat(segs).extracting(SegmentBox::approximate).containsExactly(true, false, true);
        assertThat(segs).extracting(SegmentBox::approximateNote).containsExactly(MLFLOW, null, MLFLOW);
        assertThat(segs).extracting(SegmentBox::text).as("the mark leads the text, as history prints it")
                .containsExactly("≈ 1", "2", "≈ 3");
        // the stripes start right of the text (7 px a character here, bold 8 for the live one), so it stays legible
        assertThat(segs.get(0).hatchFrom()).isEqualTo(segs.get(0).x0() + 5 + 3 * 7 + 3);
        assertThat(segs.get(2).hatchFrom()).isEqualTo(segs.get(2).x0() + 5 + 3 * 8 + 3);
        LaneRow row = l.lanes().get(0);
        assertThat(row.tooltip(segs.get(2))).isEqualTo("production: 3 (live)\n" + MLFLOW);
        assertThat(row.tooltip(segs.get(1))).isEqualTo("production: 2");
        double midFirst = (segs.get(0).x0() + segs.get(0).x1()) / 2;
        assertThat(l.segmentAt(midFirst, row.y() + row.height() / 2)).get()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo(segs.get(0)));
        assertThat(l.segmentAt(midFirst, row.y() - 5)).as("above the lane").isEmpty();
    }

    @Test
    void aGtoImportIsWordedByItsTagTimeAndAnUnknownSourceNamesNone() {
        assertThat(ApproximateTime.of("v1.2.0").note()).isEqualTo(GTO);
        assertThat(ApproximateTime.of("v2.0.0-rc.1").note()).isEqualTo(GTO);
        assertThat(ApproximateTime.of("12").note()).isEqualTo(MLFLOW);
        assertThat(ApproximateTime.of("champion-7").note())
                .isEqualTo("time approximate: imported, the source's best account of when it moved");
    }

    @Test
    void zoomedOutTheMarkAloneStaysWhereTheLabelNoLongerFits() {
        List<Version> vs = List.of(version("v1.0.0", 0, at(0)), version("v1.1.0", 1, at(300)));
        Lane prod = new Lane("prod", List.of(
                new Lane.Segment("v1.0.0", at(0), at(4), EventKind.IMPORT, true),
                new Lane.Segment("v1.1.0", at(4), at(300), EventKind.IMPORT, true),
                new Lane.Segment("v1.0.0", at(300), null, EventKind.ROLLBACK)), "v1.0.0");
        TimelineData d = new TimelineData(vs, List.of(prod), at(400));
        for (double width : new double[] {400, 700, 1300, 4000}) {
            List<SegmentBox> segs = layout(d, at(-5), at(405), width).lanes().get(0).segments();
            SegmentBox first = segs.get(0);
            assertThat(first.approximate()).as("at width %s", width).isTrue();
            assertThat(first.approximateNote()).isEqualTo(GTO);
            double room = first.x1() - first.x0();
            // "≈ v1.0.0" is 8 characters of 7 px, "≈" one: each shows exactly when it has 10 px to spare
            String expected = room > 8 * 7 + 10 ? "≈ v1.0.0" : room > 7 + 10 ? "≈" : null;
            assertThat(first.text()).as("at width %s, %s px", width, room).isEqualTo(expected);
            assertThat(first.hatchFrom()).as("stripes stay inside the segment").isBetween(first.x0(), first.x1());
            if (expected == null) {
                assertThat(first.hatchFrom()).as("no text: striped from its start").isEqualTo(first.x0());
            }
            assertThat(segs.get(segs.size() - 1).approximate()).as("the rollback Rewind recorded").isFalse();
        }
    }

    @Test
    void aScreenReaderHearsThatTheLiveSinceTimeIsApproximate() {
        Version three = version("3", 2, at(20));
        Lane production = new Lane("production", List.of(
                new Lane.Segment("3", at(25), null, EventKind.IMPORT, true)), "3");
        TimelineData d = new TimelineData(List.of(three), List.of(production), at(30));
        assertThat(d.describe(three)).startsWith("m 3, live on production since ≈ ")
                .endsWith("(" + MLFLOW + ")");
        Lane recorded = new Lane("production", List.of(new Lane.Segment("3", at(25), null, EventKind.DEPLOY)), "3");
        assertThat(new TimelineData(List.of(three), List.of(recorded), at(30)).describe(three))
                .doesNotContain("≈").doesNotContain("approximate");
    }

    private TimelineLayout layout(TimelineData d, Instant from, Instant to, double width) {
        return layouter.layout(d, List.of(),
                new TimelineLayouter.Viewport(from.toEpochMilli(), to.toEpochMilli(), width, 300),
                TimelineGeometry.DEFAULT);
    }

    private static Instant at(double days) {
        return T0.plusMillis((long) (days * Duration.ofDays(1).toMillis()));
    }

    private static Version version(String label, long seq, Instant at) {
        return new Version(seq + 1, "m", label, seq, at, "ann", "", new Artifact("file:/m", null, null), null, null,
                Map.of(), Map.of(), Map.of());
    }
}
