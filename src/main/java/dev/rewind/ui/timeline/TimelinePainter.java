package dev.rewind.ui.timeline;

import static dev.rewind.ui.timeline.TimelineColor.*;

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
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws a {@link TimelineLayout} in the control's styled colours and fonts; decides nothing about placement. */
final class TimelinePainter {
    private final GraphicsContext g;
    private final Function<TimelineColor, Color> colors;
    private final Font plain;
    private final Font bold;
    private final Font badgeFont;

    TimelinePainter(GraphicsContext g, Function<TimelineColor, Color> colors, Font plain, Font bold) {
        this.g = g;
        this.colors = colors;
        this.plain = plain;
        this.bold = bold;
        this.badgeFont = Font.font(bold.getFamily(), javafx.scene.text.FontWeight.BOLD, 2 * TagBadge.RADIUS - 3);
    }

    /** Paints the layout; {@code emptyText} is what an empty timeline says (no versions, or not read yet). */
    void paint(TimelineLayout l, String emptyText) {
        g.setFill(color(BACKGROUND));
        g.fillRect(0, 0, l.width(), l.height());
        if (l.content() == Content.TOO_NARROW) {
            return;
        }
        axis(l);
        double markerY = l.geometry().markerY();
        if (l.content() == Content.NO_VERSIONS) {
            g.setFill(color(MUTED));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(emptyText, (l.geometry().gutter() + l.width()) / 2, markerY);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        if (!Double.isNaN(l.nowX())) {
            g.setStroke(color(MUTED));
            g.setLineDashes(3, 3);
            g.strokeLine(l.nowX(), l.geometry().axisHeight(), l.nowX(), l.height());
            g.setLineDashes();
        }
        l.lanes().forEach(lane -> lane(lane, l.geometry().gutter(), l.width() - 4));
        g.setTextBaseline(VPos.BOTTOM);
        for (Mark m : l.marks()) {
            if (m instanceof VersionMark v) {
                version(v);
            } else if (m instanceof GroupMark gm) {
                group(gm);
            }
        }
        g.setStroke(color(SELECTION));
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        l.selectionXs().forEach(x -> g.strokeLine(x, markerY + 8, x, l.height()));
        g.setLineDashes();
    }

    private void axis(TimelineLayout l) {
        double axisH = l.geometry().axisHeight();
        g.setFill(color(AXIS_BACKGROUND));
        g.fillRect(0, 0, l.width(), axisH);
        g.setFont(plain);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (Tick t : l.ticks()) {
            g.setStroke(color(GRID));
            g.strokeLine(Math.round(t.x()) + 0.5, axisH, Math.round(t.x()) + 0.5, l.height());
            g.setFill(color(MUTED));
            g.fillText(t.text(), t.x() + TimelineLayouter.TICK_TEXT_INSET, axisH / 2);
        }
        g.setStroke(color(GRID));
        g.strokeLine(0, axisH + 0.5, l.width(), axisH + 0.5);
        g.setFill(color(MUTED));
        g.fillText("versions", 10, l.geometry().markerY());
    }

    private void lane(LaneRow lane, double left, double right) {
        double y = lane.y();
        double h = lane.height();
        g.setFill(color(LANE_BACKGROUND));
        g.fillRoundRect(left, y, right - left, h, 6, 6);
        g.setFill(lane.servesFailed() ? color(FAILED) : color(TEXT));
        g.setFont(bold);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(lane.servesFailed() ? "⚠ " + lane.target() : lane.target(), 10, y + h / 2);
        for (SegmentBox s : lane.segments()) {
            g.setFill(s.live() && s.failed() ? color(FAILED) : s.live() ? color(LIVE_SEGMENT)
                    : s.failed() ? color(FAILED_SEGMENT) : color(SEGMENT));
            g.fillRoundRect(s.x0(), y + 3, s.x1() - s.x0(), h - 6, 4, 4);
            if (s.approximate()) {
                hatch(s, y + 3, h - 6);
            }
            if (s.selected()) {
                g.setStroke(color(SELECTION));
                g.setLineWidth(2);
                g.strokeRoundRect(s.x0(), y + 3, s.x1() - s.x0(), h - 6, 4, 4);
            }
            if (s.text() != null) {
                g.setFill(s.live() ? color(ON_EMPHASIS) : color(TEXT));
                g.setFont(s.bold() ? bold : plain);
                g.fillText(s.text(), s.x0() + SegmentBox.TEXT_INSET, y + h / 2);
            }
        }
    }

    /**
     * Diagonal stripes and a dashed edge over a segment whose start is only approximate: told apart from a recorded
     * move by pattern, not by colour alone, in either theme (the stripes take the text colour over the segment).
     */
    private void hatch(SegmentBox s, double top, double height) {
        double w = s.x1() - s.x0();
        Color ink = s.live() ? color(ON_EMPHASIS) : color(TEXT);
        g.save();
        g.beginPath();
        g.rect(s.hatchFrom(), top, s.x1() - s.hatchFrom(), height);
        g.clip();
        g.setStroke(ink.deriveColor(0, 1, 1, 0.28));
        g.setLineWidth(1.5);
        for (double x = s.hatchFrom() - height; x < s.x1(); x += 6) {
            g.strokeLine(x, top + height, x + height, top);
        }
        g.restore();
        g.setStroke(ink.deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(1);
        g.setLineDashes(3, 2);
        g.strokeRoundRect(s.x0() + 0.5, top + 0.5, Math.max(0, w - 1), height - 1, 4, 4);
        g.setLineDashes();
    }

    private void version(VersionMark m) {
        double x = m.x();
        double y = m.y();
        double r = m.radius();
        if (m.live()) {
            g.setStroke(color(LIVE));
            g.setLineWidth(3);
            g.strokeOval(x - r - 3, y - r - 3, 2 * r + 6, 2 * r + 6);
        }
        Tone tone = TimelineLayouter.tone(m.version());
        g.setFill(m.selected() ? color(SELECTION) : tone(tone, FAILED, STABLE, MARKER));
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        Caption label = m.label();
        if (label != null) {
            g.setFont(label.bold() ? bold : plain);
            g.setFill(m.selected() ? color(SELECTION) : color(TEXT));
            g.fillText(label.text(), label.left(), label.bottom());
        } else if (m.badge() != null) {
            badge(m.badge());
        }
        if (!m.chips().isEmpty()) {
            chips(m);
        }
    }

    private void chips(VersionMark m) {
        g.setFont(plain);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (Chip c : m.chips()) {
            g.setFill(tone(c.tone(), FAILED_CHIP, STABLE_CHIP, TAG));
            g.fillRoundRect(c.left(), c.top(), c.width(), c.height(), c.height() / 2, c.height() / 2);
            g.setFill(color(ON_EMPHASIS));
            g.fillText(c.text(), c.left() + c.width() / 2, c.top() + c.height() / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
    }

    private void group(GroupMark m) {
        double left = m.x() - m.width() / 2;
        double top = m.y() - 8;
        g.setFill(color(GROUP));
        g.fillRoundRect(left, top, m.width(), 16, 8, 8);
        if (m.selected() || m.live()) {
            g.setStroke(m.selected() ? color(SELECTION) : color(LIVE));
            g.setLineWidth(2);
            g.strokeRoundRect(left, top, m.width(), 16, 8, 8);
        }
        // a failed or stable version inside a count keeps its mark at every zoom: a lettered badge on a corner
        m.badges().forEach(this::badge);
        g.setFill(color(GROUP_TEXT));
        g.setFont(plain);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(m.text(), m.x(), m.y());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
    }

    /** A disc in the tag's colour with its letter: readable without telling the colours apart. */
    private void badge(TagBadge b) {
        double r = b.radius();
        g.setFill(tone(b.tone(), FAILED, STABLE, TAG));
        g.fillOval(b.x() - r, b.y() - r, 2 * r, 2 * r);
        g.setFill(color(ON_EMPHASIS));
        g.setFont(badgeFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(b.letter(), b.x(), b.y());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
    }

    private Color tone(Tone tone, TimelineColor failed, TimelineColor stable, TimelineColor neutral) {
        return color(switch (tone) {
            case FAILED -> failed;
            case STABLE -> stable;
            case NEUTRAL -> neutral;
        });
    }

    private Color color(TimelineColor c) {
        return colors.apply(c);
    }
}
