package dev.rewind.ui.timeline;

import dev.rewind.domain.EventKind;
import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import dev.rewind.ui.timeline.TimelineLayout.Caption;
import dev.rewind.ui.timeline.TimelineLayout.Chip;
import dev.rewind.ui.timeline.TimelineLayout.Content;
import dev.rewind.ui.timeline.TimelineLayout.GroupMark;
import dev.rewind.ui.timeline.TimelineLayout.LaneRow;
import dev.rewind.ui.timeline.TimelineLayout.Mark;
import dev.rewind.ui.timeline.TimelineLayout.SegmentBox;
import dev.rewind.ui.timeline.TimelineLayout.TagBadge;
import dev.rewind.ui.timeline.TimelineLayout.Tick;
import dev.rewind.ui.timeline.TimelineLayout.Tone;
import dev.rewind.ui.timeline.TimelineLayout.VersionMark;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Decides what goes where: ticks, lane segments, version markers with their labels and chips, and counts where
 * markers are too dense to tell apart. Text is measured by the functions given, so tests can use a fake.
 */
final class TimelineLayouter {
    /** The narrowest a live segment is drawn, in pixels, however far out the timeline is zoomed. */
    static final double MIN_LIVE_WIDTH = 24;
    /** How far right of its grid line a tick's label starts (the painter draws it there). */
    static final double TICK_TEXT_INSET = 4;

    private final ToDoubleFunction<String> plainWidth;
    private final ToDoubleFunction<String> boldWidth;
    private final ZoneId zone;
    private MarkRow.Index index = TimelineData.EMPTY.drawing().marks().index();
    private List<Long> selectedTimes = List.of();
    private Set<String> failed = Set.of();
    private final MarkRow markRow;

    /** The visible time range in epoch milliseconds, and the size it is drawn at. */
    record Viewport(double start, double end, double width, double height) {
    }

    TimelineLayouter(ToDoubleFunction<String> plainWidth, ToDoubleFunction<String> boldWidth, ZoneId zone) {
        this.plainWidth = plainWidth;
        this.boldWidth = boldWidth;
        this.zone = zone;
        this.markRow = new MarkRow(plainWidth);
    }

    TimelineLayout layout(TimelineData d, Collection<Version> selection, Viewport view, TimelineGeometry g) {
        double w = view.width();
        TimeScale scale = new TimeScale(view.start(), view.end(), g.gutter(), w - TimelineGeometry.RIGHT_MARGIN);
        if (w <= g.gutter() + 20) {
            return TimelineLayout.tooNarrow(w, view.height(), scale, g);
        }
        index = d.drawing().marks().index();
        selectedTimes = selection.stream().map(v -> v.createdAt().toEpochMilli()).toList();
        List<Tick> ticks = ticks(scale, w);
        if (d.versions().isEmpty()) {
            return new TimelineLayout(w, view.height(), scale, g, Content.NO_VERSIONS, ticks, Double.NaN, List.of(),
                    List.of(), List.of());
        }
        Set<String> selected = selection.stream().map(Version::label).collect(Collectors.toSet());
        double nowX = scale.x(d.now().toEpochMilli());
        List<Double> selectionXs = selection.stream().map(v -> scale.x(v.createdAt().toEpochMilli()))
                .filter(px -> px >= g.gutter() && px <= w).toList();
        return new TimelineLayout(w, view.height(), scale, g, Content.VERSIONS, ticks,
                nowX >= g.gutter() ? nowX : Double.NaN, lanes(d, selected, scale, w, g),
                marks(d, selected, scale, w, g), selectionXs);
    }

    private List<Tick> ticks(TimeScale scale, double w) {
        double s = scale.start();
        double e = scale.end();
        long step = TickSteps.choose((e - s) / Math.max(1, (w - scale.left()) / 110));
        DateTimeFormatter fmt = TickSteps.format(step);
        List<Tick> ticks = new ArrayList<>();
        for (long t = TickSteps.first((long) s, step, zone); t <= e; t = TickSteps.next(t, step, zone)) {
            double px = scale.x(t);
            if (px >= scale.left()) {
                String text = fmt.format(Instant.ofEpochMilli(t).atZone(zone));
                // a label that would run past the right edge is dropped, not clipped ("Dec 2" was seen); the grid
                // line stays
                ticks.add(new Tick(px, px + TICK_TEXT_INSET + plainWidth.applyAsDouble(text) <= w ? text : ""));
            }
        }
        return ticks;
    }

    private List<LaneRow> lanes(TimelineData d, Set<String> selected, TimeScale scale, double w, TimelineGeometry g) {
        // made once per data, not per frame: 100,000 entries would cost every pan step
        failed = d.drawing().marks().failed();
        List<LaneIndex> laneIndex = d.drawing().lanes();
        List<LaneRow> rows = new ArrayList<>(d.lanes().size());
        double viewStart = scale.time(scale.left());
        double viewEnd = scale.time(w);
        for (int li = 0; li < d.lanes().size(); li++) {
            Lane lane = d.lanes().get(li);
            LaneIndex ix = laneIndex.get(li);
            List<Lane.Segment> segments = lane.segments();
            List<SegmentBox> boxes = new ArrayList<>();
            double lastX1 = -1;
            for (int k = ix.firstEndingAfter(viewStart - 1, 0); k < segments.size(); k++) {
                Lane.Segment s = segments.get(k);
                if (ix.chained() && ix.from()[k] > viewEnd) {
                    break; // the rest start further right still
                }
                double x0 = Math.max(scale.left(), scale.x(ix.from()[k]));
                Instant until = s.until() == null ? d.now() : s.until();
                double x1 = Math.min(w - 4, scale.x(until.toEpochMilli()));
                if (x1 < scale.left() || x0 > w) {
                    continue;
                }
                x1 = Math.max(x1, x0 + 1);
                boolean live = s.until() == null;
                if (!live && x1 <= lastX1 + 0.2 && x1 - x0 < 1.5) {
                    continue; // sub-pixel segments collapse onto what is already drawn
                }
                lastX1 = x1;
                boxes.add(segmentBox(s, x0, x1, live, until, scale, w, selected, boxes));
                if (!live && ix.chained()) {
                    // what follows and ends within this pixel would collapse one by one: step over it at once
                    k = Math.min(segments.size() - 1, ix.firstEndingAfter(scale.time(lastX1 + 0.2), k + 1)) - 1;
                }
            }
            rows.add(new LaneRow(lane.target(), g.laneY(rows.size()), g.laneHeight(), boxes));
        }
        return rows;
    }

    private SegmentBox segmentBox(Lane.Segment s, double x0, double x1, boolean live, Instant until, TimeScale scale,
                                  double w, Set<String> selected, List<SegmentBox> boxes) {
        String note = s.approximate() ? ApproximateTime.of(s.version()).note() : null;
        // a text is shown only with 10 px to spare: narrower segments are not measured
        String text = live || x1 - x0 > 10 ? (note == null ? "" : ApproximateTime.MARK + " ") + s.version()
                + (s.how() == EventKind.ROLLBACK ? " ↶" : "") : null;
        double tw = text == null ? Double.MAX_VALUE : (live ? boldWidth : plainWidth).applyAsDouble(text);
        if (note != null && !live && x1 - x0 <= tw + 10) {
            // too narrow for the label: the mark alone still says the start is approximate, where it fits
            text = ApproximateTime.MARK;
            tw = plainWidth.applyAsDouble(text);
        }
        if (live && x1 - x0 <= tw + 10) {
            // what is live now must be readable at any zoom, even a rollback made a second ago
            double need = Math.max(MIN_LIVE_WIDTH, tw + 11);
            double end = Math.min(w - 4, scale.x(until.toEpochMilli()));
            x0 = Math.max(scale.left(), end - need);
            x1 = Math.min(w - 4, Math.max(end, x0 + need));
            makeRoom(boxes, x0);
        }
        boolean fits = x1 - x0 > tw + 10;
        return SegmentBox.of(s.version(), x0, x1, live, failed.contains(s.version()),
                selected.contains(s.version()), fits ? text : null, fits ? tw : 0, live, note);
    }

    /** Cuts earlier segments back to {@code x0}, dropping those it covers and texts that no longer fit. */
    private void makeRoom(List<SegmentBox> boxes, double x0) {
        for (int i = boxes.size() - 1; i >= 0; i--) {
            SegmentBox b = boxes.get(i);
            if (b.x1() <= x0) {
                break;
            }
            if (b.x0() >= x0 - 0.5) {
                boxes.remove(i);
                continue;
            }
            String text = fitting(b, x0 - b.x0());
            boxes.set(i, b.cutAt(x0, text, text == null ? 0 : (b.bold() ? boldWidth : plainWidth).applyAsDouble(text)));
        }
    }

    /** The box's text if it fits {@code width}, else the approximate mark alone if the box has one and it fits. */
    private String fitting(SegmentBox b, double width) {
        if (b.text() == null) {
            return null;
        }
        if (width > plainWidth.applyAsDouble(b.text()) + 10) {
            return b.text();
        }
        return b.approximate() && width > plainWidth.applyAsDouble(ApproximateTime.MARK) + 10
                ? ApproximateTime.MARK : null;
    }

    private List<Mark> marks(TimelineData d, Set<String> selected, TimeScale scale, double w, TimelineGeometry g) {
        long[] times = index.times();
        int lo = Math.max(0, lowerBound(scale.time(scale.left() - g.markerGap())));
        int hi = Math.min(times.length, lowerBound(scale.time(w)) + 1);
        List<Version> vs = d.versions();
        List<Mark> marks = new ArrayList<>();
        double lastLabelEnd = -1;
        for (int[] run : markRow.runs(index, scale, lo, hi, g.markerGap(), g.markerRadius())) {
            int i = run[0];
            int j = run[1];
            if (j - i == 1) {
                Version v = vs.get(i);
                VersionMark m = versionMark(v, scale.x(times[i]), MarkRow.Index.any(index.live(), i, j),
                        selected.contains(v.label()), lastLabelEnd, g);
                lastLabelEnd = m.label() == null ? lastLabelEnd : m.label().right();
                marks.add(m);
            } else {
                long from = times[i];
                long to = times[j - 1];
                boolean anySelected = selectedTimes.stream().anyMatch(t -> t >= from && t <= to)
                        && vs.subList(i, j).stream().anyMatch(v -> selected.contains(v.label()));
                GroupMark m = markRow.group(index, scale, i, j, g.markerY(), anySelected);
                lastLabelEnd = m.right();
                marks.add(m);
            }
        }
        return marks;
    }

    private VersionMark versionMark(Version v, double x, boolean live, boolean selected, double lastLabelEnd,
                                    TimelineGeometry g) {
        double r = g.markerRadius();
        double y = g.markerY();
        boolean bold = live || selected;
        double tw = (bold ? boldWidth : plainWidth).applyAsDouble(v.label());
        if (x - tw / 2 > lastLabelEnd + 4) {
            Caption label = new Caption(v.label(), x - tw / 2, tw, y - r - 4, bold);
            return new VersionMark(v, x, y, r, live, selected, label, chips(v, x, g), null);
        }
        TagBadge badge = v.tags().isEmpty() ? null
                : TagBadge.of(tone(v), v.tags().keySet().iterator().next(), x, y + r + 4 + TagBadge.RADIUS);
        return new VersionMark(v, x, y, r, live, selected, null, List.of(), badge);
    }

    /** The version's tags stacked under its marker, as many as fit above the lanes. */
    private List<Chip> chips(Version v, double x, TimelineGeometry g) {
        List<Chip> chips = new ArrayList<>();
        double top = g.markerY() + g.markerRadius() + 4;
        for (String key : v.tags().keySet()) {
            double cw = plainWidth.applyAsDouble(key) + 8;
            chips.add(new Chip(key, tone(key), x - cw / 2, top, cw, 14));
            top += 16;
            if (top > g.lanesY() - 14) {
                break;
            }
        }
        return chips;
    }

    static Tone tone(String tagKey) {
        return "failed".equals(tagKey) ? Tone.FAILED : "stable".equals(tagKey) ? Tone.STABLE : Tone.NEUTRAL;
    }

    static Tone tone(Version v) {
        return v.failed() ? Tone.FAILED : v.stable() ? Tone.STABLE : Tone.NEUTRAL;
    }

    private int lowerBound(double ms) {
        int i = Arrays.binarySearch(index.times(), (long) Math.floor(ms));
        return i >= 0 ? i : -i - 1;
    }
}
