package dev.rewind.ui.timeline;

import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/** Draws {@link VersionTimeline} on a Canvas and turns mouse and keys into its operations. */
final class VersionTimelineSkin extends SkinBase<VersionTimeline> {
    static final double GUTTER = 104;
    static final double AXIS_H = 26;
    static final double MARKER_Y = AXIS_H + 36;
    static final double LANES_Y = AXIS_H + 84;
    static final double LANE_H = 24;
    static final double MIN_SEP = 12;
    private static final Font FONT = Font.font("System", 11);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 11);
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private long[] times = new long[0];
    private TimelineData timesOf;
    /** What the last paint put where, for hit-testing. */
    private final List<Drawn> drawn = new ArrayList<>();
    private double dragX = Double.NaN;
    private boolean dragged;
    private long paints;

    private record Drawn(double x, Version version, int count, double fromMs, double toMs) {
    }

    VersionTimelineSkin(VersionTimeline control) {
        super(control);
        getChildren().add(canvas);
        tooltip.setShowDelay(Duration.millis(250));
        Tooltip.install(canvas, tooltip);
        control.dataProperty().addListener((o, a, d) -> paint());
        for (var p : List.of(control.viewStartProperty(), control.viewEndProperty(), control.currentProperty(),
                control.darkProperty(), control.widthProperty(), control.heightProperty())) {
            p.addListener(o -> paint());
        }
        control.getSelection().addListener((javafx.collections.ListChangeListener<Version>) c -> paint());
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnScroll(this::scrolled);
        control.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        canvas.setLayoutX(x);
        canvas.setLayoutY(y);
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return LANES_Y + Math.max(2, getSkinnable().getData().lanes().size()) * (LANE_H + 6) + 16 + top + bottom;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 800;
    }

    // not the canvas's current size (the default), or the timeline could never shrink once it had grown
    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 240 + left + right;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 80 + top + bottom;
    }

    /** How many times the canvas was painted; the frame-time benchmark reads it. */
    long paints() {
        return paints;
    }

    private double x(double ms) {
        VersionTimeline c = getSkinnable();
        double s = c.viewStartProperty().get();
        double e = c.viewEndProperty().get();
        return GUTTER + (ms - s) / (e - s) * (canvas.getWidth() - GUTTER - 12);
    }

    private double time(double px) {
        VersionTimeline c = getSkinnable();
        double s = c.viewStartProperty().get();
        double e = c.viewEndProperty().get();
        return s + (px - GUTTER) / (canvas.getWidth() - GUTTER - 12) * (e - s);
    }

    private void paint() {
        paints++;
        VersionTimeline c = getSkinnable();
        Palette p = c.darkProperty().get() ? Palette.DARK : Palette.LIGHT;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(p.background);
        g.fillRect(0, 0, w, h);
        drawn.clear();
        if (w <= GUTTER + 20) {
            return;
        }
        TimelineData d = c.getData();
        if (d != timesOf) {
            // the control's own listeners may ask for a paint before ours has seen new data
            times = d.times();
            timesOf = d;
        }
        drawAxis(g, p, w, h);
        if (d.versions().isEmpty()) {
            g.setFill(p.muted);
            g.setFont(FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No versions yet", (GUTTER + w) / 2, MARKER_Y);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        drawNow(g, p, d, h);
        drawLanes(g, p, d, w);
        drawVersions(g, p, d, w);
        drawSelectionLines(g, p, h);
    }

    private void drawAxis(GraphicsContext g, Palette p, double w, double h) {
        g.setFill(p.axisBackground);
        g.fillRect(0, 0, w, AXIS_H);
        double s = time(GUTTER);
        double e = time(w - 12);
        long step = TickSteps.choose((e - s) / Math.max(1, (w - GUTTER) / 110));
        DateTimeFormatter fmt = TickSteps.format(step);
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        for (long t = TickSteps.first((long) s, step, ZONE); t <= e; t = TickSteps.next(t, step, ZONE)) {
            double px = x(t);
            if (px < GUTTER) {
                continue;
            }
            g.setStroke(p.grid);
            g.setLineWidth(1);
            g.strokeLine(Math.round(px) + 0.5, AXIS_H, Math.round(px) + 0.5, h);
            g.setFill(p.muted);
            g.fillText(fmt.format(Instant.ofEpochMilli(t).atZone(ZONE)), px + 4, AXIS_H / 2);
        }
        g.setStroke(p.grid);
        g.strokeLine(0, AXIS_H + 0.5, w, AXIS_H + 0.5);
        g.setFill(p.muted);
        g.fillText("versions", 10, MARKER_Y);
    }

    private void drawNow(GraphicsContext g, Palette p, TimelineData d, double h) {
        double px = x(d.now().toEpochMilli());
        if (px >= GUTTER) {
            g.setStroke(p.muted);
            g.setLineDashes(3, 3);
            g.strokeLine(px, AXIS_H, px, h);
            g.setLineDashes();
        }
    }

    private void drawLanes(GraphicsContext g, Palette p, TimelineData d, double w) {
        Map<String, Version> byLabel = new java.util.HashMap<>();
        d.versions().forEach(v -> byLabel.put(v.label(), v));
        List<Version> sel = getSkinnable().getSelection();
        double y = LANES_Y;
        for (Lane lane : d.lanes()) {
            g.setFill(p.laneBackground);
            g.fillRoundRect(GUTTER, y, w - GUTTER - 4, LANE_H, 6, 6);
            g.setFill(p.text);
            g.setFont(BOLD);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(lane.target(), 10, y + LANE_H / 2);
            double lastX1 = -1;
            for (Lane.Segment s : lane.segments()) {
                double x0 = Math.max(GUTTER, x(s.from().toEpochMilli()));
                double x1 = Math.min(w - 4, x(s.until() == null ? d.now().toEpochMilli() : s.until().toEpochMilli()));
                if (x1 < GUTTER || x0 > w) {
                    continue;
                }
                x1 = Math.max(x1, x0 + 1);
                if (x1 <= lastX1 + 0.2 && x1 - x0 < 1.5) {
                    continue; // sub-pixel segments collapse onto what is already drawn
                }
                lastX1 = x1;
                Version v = byLabel.get(s.version());
                boolean live = s.until() == null;
                boolean failed = v != null && v.failed();
                Color fill = live ? p.live : failed ? p.failedSoft : p.segment;
                g.setFill(fill);
                g.fillRoundRect(x0, y + 3, x1 - x0, LANE_H - 6, 4, 4);
                if (v != null && sel.contains(v)) {
                    g.setStroke(p.select);
                    g.setLineWidth(2);
                    g.strokeRoundRect(x0, y + 3, x1 - x0, LANE_H - 6, 4, 4);
                }
                String text = s.version() + (s.how() == dev.rewind.domain.EventKind.ROLLBACK ? " ↶" : "");
                if (x1 - x0 > textWidth(text) + 10) {
                    g.setFill(live ? Color.WHITE : p.text);
                    g.setFont(live ? BOLD : FONT);
                    g.fillText(text, x0 + 5, y + LANE_H / 2);
                }
            }
            y += LANE_H + 6;
        }
    }

    private void drawVersions(GraphicsContext g, Palette p, TimelineData d, double w) {
        VersionTimeline c = getSkinnable();
        int lo = Math.max(0, lowerBound(time(GUTTER - MIN_SEP)));
        int hi = Math.min(times.length, lowerBound(time(w)) + 1);
        List<Version> vs = d.versions();
        double lastLabelEnd = -1;
        int i = lo;
        g.setTextBaseline(VPos.BOTTOM);
        while (i < hi) {
            double x0 = x(times[i]);
            int j = i + 1;
            while (j < hi && x(times[j]) - x0 < MIN_SEP) {
                j++;
            }
            if (j - i == 1) {
                Version v = vs.get(i);
                lastLabelEnd = drawMarker(g, p, v, x0, d.isLive(v), c.getSelection().contains(v), lastLabelEnd);
                drawn.add(new Drawn(x0, v, 1, times[i], times[i]));
            } else {
                double xm = (x0 + x(times[j - 1])) / 2;
                boolean hasSel = false;
                boolean hasLive = false;
                for (int k = i; k < j; k++) {
                    hasSel |= c.getSelection().contains(vs.get(k));
                    hasLive |= d.isLive(vs.get(k));
                }
                drawGroup(g, p, xm, j - i, hasSel, hasLive);
                drawn.add(new Drawn(xm, null, j - i, times[i], times[j - 1]));
                lastLabelEnd = xm + 14;
            }
            i = j;
        }
    }

    private double drawMarker(GraphicsContext g, Palette p, Version v, double x, boolean live, boolean selected,
                              double lastLabelEnd) {
        double r = 5;
        if (live) {
            g.setStroke(p.live);
            g.setLineWidth(3);
            g.strokeOval(x - r - 3, MARKER_Y - r - 3, 2 * r + 6, 2 * r + 6);
        }
        g.setFill(selected ? p.select : v.failed() ? p.failed : v.stable() ? p.stable : p.marker);
        g.fillOval(x - r, MARKER_Y - r, 2 * r, 2 * r);
        String label = v.label();
        double tw = textWidth(label);
        double end = lastLabelEnd;
        if (x - tw / 2 > lastLabelEnd + 4) {
            g.setFont(live || selected ? BOLD : FONT);
            g.setFill(selected ? p.select : p.text);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(label, x, MARKER_Y - r - 4);
            g.setTextAlign(TextAlignment.LEFT);
            end = x + tw / 2;
            drawChips(g, p, v, x);
        } else if (!v.tags().isEmpty()) {
            g.setFill(v.failed() ? p.failed : v.stable() ? p.stable : p.neutral);
            g.fillRect(x - 2, MARKER_Y + r + 4, 4, 4);
        }
        return end;
    }

    private void drawChips(GraphicsContext g, Palette p, Version v, double x) {
        double y = MARKER_Y + 9;
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        for (var tag : v.tags().entrySet()) {
            String text = tag.getKey();
            Color color = "failed".equals(text) ? p.failed : "stable".equals(text) ? p.stable : p.neutral;
            double tw = textWidth(text) + 8;
            g.setFill(color);
            g.fillRoundRect(x - tw / 2, y, tw, 14, 7, 7);
            g.setFill(Color.WHITE);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(text, x, y + 7);
            g.setTextAlign(TextAlignment.LEFT);
            y += 16;
            if (y > LANES_Y - 14) {
                break;
            }
        }
        g.setTextBaseline(VPos.BOTTOM);
    }

    private void drawGroup(GraphicsContext g, Palette p, double x, int count, boolean selected, boolean live) {
        String text = count > 999 ? (count / 1000) + "k" : Integer.toString(count);
        double tw = Math.max(18, textWidth(text) + 8);
        g.setFill(p.group);
        g.fillRoundRect(x - tw / 2, MARKER_Y - 8, tw, 16, 8, 8);
        if (selected || live) {
            g.setStroke(selected ? p.select : p.live);
            g.setLineWidth(2);
            g.strokeRoundRect(x - tw / 2, MARKER_Y - 8, tw, 16, 8, 8);
        }
        g.setFill(p.groupText);
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, MARKER_Y);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
    }

    private void drawSelectionLines(GraphicsContext g, Palette p, double h) {
        g.setStroke(p.select);
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        for (Version v : getSkinnable().getSelection()) {
            double px = x(v.createdAt().toEpochMilli());
            if (px >= GUTTER && px <= canvas.getWidth()) {
                g.strokeLine(px, MARKER_Y + 8, px, h);
            }
        }
        g.setLineDashes();
    }

    private int lowerBound(double ms) {
        int i = Arrays.binarySearch(times, (long) Math.floor(ms));
        return i >= 0 ? i : -i - 1;
    }

    private static double textWidth(String s) {
        return s.length() * 6.4;
    }

    Version versionAt(double x, double y) {
        Drawn best = nearest(x);
        return best != null && best.version() != null && Math.abs(best.x() - x) <= 8 ? best.version() : null;
    }

    Point2D positionOf(String label) {
        for (Drawn d : drawn) {
            if (d.version() != null && d.version().label().equals(label)) {
                return new Point2D(d.x(), MARKER_Y);
            }
        }
        return null;
    }

    private Drawn nearest(double x) {
        Drawn best = null;
        for (Drawn d : drawn) {
            if (best == null || Math.abs(d.x() - x) < Math.abs(best.x() - x)) {
                best = d;
            }
        }
        return best != null && Math.abs(best.x() - x) <= MIN_SEP ? best : null;
    }

    private void pressed(MouseEvent e) {
        getSkinnable().requestFocus();
        dragX = e.getX();
        dragged = false;
        if (e.getButton() == MouseButton.SECONDARY) {
            Version v = versionAt(e.getX(), e.getY());
            if (v != null && !getSkinnable().getSelection().contains(v)) {
                getSkinnable().select(v);
            }
        }
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || Double.isNaN(dragX)) {
            return;
        }
        double dx = e.getX() - dragX;
        if (Math.abs(dx) > 2 || dragged) {
            dragged = true;
            getSkinnable().pan(-dx / Math.max(1, canvas.getWidth() - GUTTER));
            dragX = e.getX();
        }
    }

    private void released(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || dragged) {
            dragX = Double.NaN;
            return;
        }
        dragX = Double.NaN;
        Drawn hit = nearest(e.getX());
        VersionTimeline c = getSkinnable();
        if (hit == null) {
            return;
        }
        if (hit.version() == null) {
            // a count: zoom into the versions it stands for
            double pad = Math.max((hit.toMs() - hit.fromMs()) * 0.2, 60_000);
            c.viewStartProperty().set(hit.fromMs() - pad);
            c.viewEndProperty().set(hit.toMs() + pad);
        } else if (e.isControlDown() || e.isShiftDown() || e.isShortcutDown()) {
            c.toggle(hit.version());
        } else {
            c.select(hit.version());
        }
    }

    private void hover(MouseEvent e) {
        Drawn hit = nearest(e.getX());
        if (hit == null) {
            tooltip.setText(null);
            canvas.setCursor(javafx.scene.Cursor.DEFAULT);
            return;
        }
        canvas.setCursor(javafx.scene.Cursor.HAND);
        if (hit.version() == null) {
            tooltip.setText(hit.count() + " versions — click to zoom in");
            return;
        }
        Version v = hit.version();
        String metric = TimelineData.mainMetric(v);
        tooltip.setText(v.label() + "\n" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(v.createdAt().atZone(ZONE))
                + " · " + v.author()
                + (metric == null ? "" : "\n" + metric + " = " + dev.rewind.ui.common.Formats.number(v.metrics().get(metric)))
                + (v.tags().isEmpty() ? "" : "\ntags: " + String.join(", ", v.tags().keySet())));
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double anchor = (e.getX() - GUTTER) / Math.max(1, canvas.getWidth() - GUTTER - 12);
        getSkinnable().zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, Math.max(0, Math.min(1, anchor)));
        e.consume();
    }

    private void key(KeyEvent e) {
        VersionTimeline c = getSkinnable();
        KeyCode k = e.getCode();
        if (k == KeyCode.LEFT || k == KeyCode.RIGHT) {
            int dir = k == KeyCode.LEFT ? -1 : 1;
            if (e.isControlDown()) {
                c.pan(dir * 0.2);
            } else {
                c.step(dir);
            }
        } else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
            c.zoom(0.7, 0.5);
        } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
            c.zoom(1 / 0.7, 0.5);
        } else if (k == KeyCode.DIGIT0 || k == KeyCode.HOME || k == KeyCode.NUMPAD0) {
            c.zoomToFit();
        } else {
            return;
        }
        e.consume();
    }
}
