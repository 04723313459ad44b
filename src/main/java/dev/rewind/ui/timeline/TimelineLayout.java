package dev.rewind.ui.timeline;

import dev.rewind.domain.Version;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one frame of the timeline puts where, in the control's pixels: the result of {@link TimelineLayouter}, drawn
 * by {@link TimelinePainter} and read by hit-testing. Plain values, so it can be built and checked without a toolkit.
 *
 * @param content   whether there is room to draw, and anything to draw
 * @param nowX      where "now" is, or NaN when it is left of the plot
 * @param marks     versions and counts of versions, left to right
 * @param selectionXs where the dashed lines under the selected versions go
 */
public record TimelineLayout(double width, double height, TimeScale scale, TimelineGeometry geometry,
                             Content content, List<Tick> ticks, double nowX, List<LaneRow> lanes, List<Mark> marks,
                             List<Double> selectionXs) {

    public enum Content { TOO_NARROW, NO_VERSIONS, VERSIONS }

    /** How a tag chip or tag dot is coloured. */
    public enum Tone { FAILED, STABLE, NEUTRAL }

    /** A time-axis tick, its gridline at {@code x} and its text just right of it. */
    public record Tick(double x, String text) {
    }

    /** Text whose box spans {@code left .. left + width} horizontally and ends at {@code bottom}. */
    public record Caption(String text, double left, double width, double bottom, boolean bold) {
        public double right() {
            return left + width;
        }
    }

    public record Chip(String text, Tone tone, double left, double top, double width, double height) {
    }

    /** One target's row: which version it served when. */
    public record LaneRow(String target, double y, double height, List<SegmentBox> segments) {
        /** Whether what this target serves now is tagged failed: its name and live box are drawn in red. */
        public boolean servesFailed() {
            return segments.stream().anyMatch(s -> s.live() && s.failed());
        }

        /** The segment drawn under {@code x}, if any. */
        public Optional<SegmentBox> segmentAt(double x) {
            return segments.stream().filter(s -> x >= s.x0() && x <= s.x1()).reduce((a, b) -> b);
        }

        /** What hovering the segment says: target, version, and for an approximate start, why. */
        public String tooltip(SegmentBox s) {
            return target + ": " + s.version() + (s.live() ? " (live)" : "")
                    + (s.approximate() ? "\n" + s.approximateNote() : "");
        }
    }

    /**
     * A stretch of time one version was served; {@code text} is null when it does not fit. {@code approximateNote}
     * is null for a move Rewind recorded, else why its start is only approximate (an imported move): the painter
     * hatches such a segment from {@code hatchFrom} on (right of its text, which stays clear of the stripes) and its
     * text starts with {@link ApproximateTime#MARK}.
     */
    public record SegmentBox(String version, double x0, double x1, boolean live, boolean failed, boolean selected,
                             String text, boolean bold, String approximateNote, double hatchFrom) {
        /** Where a segment's text starts, right of its left edge. */
        static final double TEXT_INSET = 5;

        static SegmentBox of(String version, double x0, double x1, boolean live, boolean failed, boolean selected,
                             String text, double textWidth, boolean bold, String approximateNote) {
            double hatch = text == null ? x0 : Math.min(x1, x0 + TEXT_INSET + textWidth + 3);
            return new SegmentBox(version, x0, x1, live, failed, selected, text, bold, approximateNote, hatch);
        }

        public boolean approximate() {
            return approximateNote != null;
        }

        SegmentBox cutAt(double x, String keptText, double keptTextWidth) {
            return of(version, x0, x, live, failed, selected, keptText, keptTextWidth, bold, approximateNote);
        }
    }

    /** Something drawn on the versions row, centred on {@code x}. */
    public sealed interface Mark permits VersionMark, GroupMark {
        double x();

        double y();
    }

    /**
     * One version's marker; {@code label} is null (and {@code chips} empty) when it would crowd its left neighbour,
     * and then {@code badge}, when it has tags, stands for them under the marker.
     */
    public record VersionMark(Version version, double x, double y, double radius, boolean live, boolean selected,
                              Caption label, List<Chip> chips, TagBadge badge) implements Mark {
        /** Whether a badge hints at tags whose chips did not fit. */
        public boolean tagDot() {
            return badge != null;
        }
    }

    /**
     * Tags too crowded for their chips, as a letter in a small disc centred on {@code x, y}: F for failed, S for
     * stable, else the first tag's initial. The letter keeps them readable without telling colours apart (issue 16:
     * at "fit" a tag had shrunk to a 4 px square of colour).
     */
    public record TagBadge(String letter, Tone tone, double x, double y, double radius) {
        public static final double RADIUS = 6;

        static TagBadge of(Tone tone, String firstKey, double x, double y) {
            String letter = switch (tone) {
                case FAILED -> "F";
                case STABLE -> "S";
                case NEUTRAL -> firstKey.isEmpty() ? "•"
                        : new String(Character.toChars(Character.toUpperCase(firstKey.codePointAt(0))));
            };
            return new TagBadge(letter, tone, x, y, RADIUS);
        }
    }

    /**
     * Versions too close to tell apart, drawn as their count in a box {@code width} wide (always room for the text);
     * a click zooms to {@code fromMs .. toMs}. {@code live}, {@code failed}, {@code stable}: whether any version in
     * it is, so those marks survive every zoom.
     */
    public record GroupMark(double x, double y, int count, String text, double width, double fromMs, double toMs,
                            boolean selected, boolean live, boolean failed, boolean stable) implements Mark {
        public double left() {
            return x - width / 2;
        }

        public double right() {
            return x + width / 2;
        }

        /** A failed version inside it shows an F badge on the box's right corner, a stable one an S on its left. */
        public List<TagBadge> badges() {
            List<TagBadge> out = new java.util.ArrayList<>(2);
            if (stable) {
                out.add(TagBadge.of(Tone.STABLE, "stable", left() + 1, y - 8));
            }
            if (failed) {
                out.add(TagBadge.of(Tone.FAILED, "failed", right() - 1, y - 8));
            }
            return out;
        }
    }

    public TimelineLayout {
        ticks = List.copyOf(ticks);
        lanes = List.copyOf(lanes);
        marks = List.copyOf(marks);
        selectionXs = List.copyOf(selectionXs);
    }

    static TimelineLayout tooNarrow(double width, double height, TimeScale scale, TimelineGeometry geometry) {
        return new TimelineLayout(width, height, scale, geometry, Content.TOO_NARROW, List.of(), Double.NaN,
                List.of(), List.of(), List.of());
    }

    /** The mark nearest to {@code x}, if it is within the marker gap. */
    public Optional<Mark> markAt(double x) {
        return marks.stream().min(Comparator.comparingDouble(m -> Math.abs(m.x() - x)))
                .filter(m -> Math.abs(m.x() - x) <= geometry.markerGap());
    }

    /** The lane and segment under the point, if the point is on a lane. */
    public Optional<Map.Entry<LaneRow, SegmentBox>> segmentAt(double x, double y) {
        return lanes.stream().filter(r -> y >= r.y() && y <= r.y() + r.height()).findFirst()
                .flatMap(r -> r.segmentAt(x).map(s -> Map.entry(r, s)));
    }

    /** The version whose own marker is within a few pixels of {@code x}, or null. */
    public Version versionAt(double x, double y) {
        return markAt(x).filter(m -> m instanceof VersionMark && Math.abs(m.x() - x) <= 8)
                .map(m -> ((VersionMark) m).version()).orElse(null);
    }

    /** Where the version with this label is drawn on its own, if it is. */
    public Optional<VersionMark> markOf(String label) {
        return marks.stream().filter(m -> m instanceof VersionMark v && v.version().label().equals(label))
                .map(VersionMark.class::cast).findFirst();
    }
}
