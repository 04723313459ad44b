package dev.rewind.ui.timeline;

import dev.rewind.domain.Version;
import dev.rewind.ui.common.Formats;
import dev.rewind.ui.timeline.TimelineLayout.GroupMark;
import dev.rewind.ui.timeline.TimelineLayout.Mark;
import dev.rewind.ui.timeline.TimelineLayout.VersionMark;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Callback;
import javafx.util.Duration;

/** Turns mouse, keys and context-menu requests on the timeline into its operations, hit-testing the last layout. */
final class TimelineInput {
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final VersionTimeline control;
    private final Canvas canvas;
    private final Supplier<TimelineLayout> layout;
    private final Tooltip tooltip = new Tooltip();
    private ContextMenu openMenu;
    private double dragX = Double.NaN;
    private boolean dragged;

    TimelineInput(VersionTimeline control, Canvas canvas, Supplier<TimelineLayout> layout) {
        this.control = control;
        this.canvas = canvas;
        this.layout = layout;
    }

    void install() {
        tooltip.setShowDelay(Duration.millis(250));
        Tooltip.install(canvas, tooltip);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnScroll(this::scrolled);
        control.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        control.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::contextMenuRequested);
    }

    private Mark markAt(double x) {
        TimelineLayout l = layout.get();
        return l == null ? null : l.markAt(x).orElse(null);
    }

    private Version versionAt(double x, double y) {
        TimelineLayout l = layout.get();
        return l == null ? null : l.versionAt(x, y);
    }

    private void pressed(MouseEvent e) {
        control.requestFocus();
        dragX = e.getX();
        dragged = false;
        if (e.getButton() == MouseButton.SECONDARY) {
            Version v = versionAt(e.getX(), e.getY());
            if (v != null && !control.getSelection().contains(v)) {
                control.select(v);
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
            TimelineLayout l = layout.get();
            control.pan(-dx / Math.max(1, canvas.getWidth() - (l == null ? 0 : l.geometry().gutter())));
            dragX = e.getX();
        }
    }

    private void released(MouseEvent e) {
        boolean click = !dragged;
        dragX = Double.NaN;
        if (e.getButton() == MouseButton.SECONDARY) {
            // the secondary release, which every platform reports (unlike popup triggers, which Monocle lacks)
            showMenu(versionAt(e.getX(), e.getY()), e.getScreenX(), e.getScreenY());
            e.consume();
        } else if (e.getButton() == MouseButton.PRIMARY && click) {
            clicked(markAt(e.getX()), e.isControlDown() || e.isShiftDown() || e.isShortcutDown());
        }
    }

    private void clicked(Mark hit, boolean adding) {
        if (hit instanceof GroupMark g) {
            // a count: zoom into the versions it stands for
            double pad = Math.max((g.toMs() - g.fromMs()) * 0.2, 60_000);
            control.viewStartProperty().set(g.fromMs() - pad);
            control.viewEndProperty().set(g.toMs() + pad);
        } else if (hit instanceof VersionMark v) {
            if (adding) {
                control.toggle(v.version());
            } else {
                control.select(v.version());
            }
        }
    }

    // mouse-triggered requests are left to the secondary release, so a menu never opens twice
    private void contextMenuRequested(ContextMenuEvent e) {
        if (e.isKeyboardTrigger() && (openMenu == null || !openMenu.isShowing())) {
            menuAtCurrent(e.getScreenX(), e.getScreenY());
        }
        e.consume();
    }

    /** The version menu under the version in focus (keyboard: Shift+F10 or the menu key), else at the fallback. */
    private void menuAtCurrent(double fallbackX, double fallbackY) {
        Version v = control.currentProperty().get();
        Point2D at = v == null ? null : control.positionOf(v.label());
        Point2D screen = at == null ? null : control.localToScreen(at);
        showMenu(null, screen == null ? fallbackX : screen.getX(), screen == null ? fallbackY : screen.getY());
    }

    private void showMenu(Version at, double screenX, double screenY) {
        Version v = at != null ? at : control.currentProperty().get();
        Callback<Version, ContextMenu> factory = control.contextMenuFactoryProperty().get();
        if (v == null || factory == null) {
            return;
        }
        if (!control.getSelection().contains(v)) {
            control.select(v);
        }
        if (openMenu != null) {
            openMenu.hide();
        }
        openMenu = factory.call(v);
        if (openMenu != null) {
            openMenu.show(control, screenX, screenY);
        }
    }

    private void hover(MouseEvent e) {
        Mark hit = markAt(e.getX());
        canvas.setCursor(hit == null ? Cursor.DEFAULT : Cursor.HAND);
        TimelineLayout l = layout.get();
        var segment = l == null ? null : l.segmentAt(e.getX(), e.getY()).orElse(null);
        if (segment != null && segment.getValue().approximate()) {
            // over a lane, an approximate start is what needs explaining, more than the version nearby
            tooltip.setText(segment.getKey().tooltip(segment.getValue()));
        } else if (hit instanceof GroupMark g) {
            tooltip.setText(g.count() + " versions — click to zoom in");
        } else if (hit instanceof VersionMark m) {
            tooltip.setText(tooltip(m.version()));
        } else {
            tooltip.setText(null);
        }
    }

    private static String tooltip(Version v) {
        String metric = TimelineData.mainMetric(v);
        return v.label() + "\n" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(v.createdAt().atZone(ZONE))
                + " · " + v.author()
                + (metric == null ? "" : "\n" + metric + " = " + Formats.number(v.metrics().get(metric)))
                + (v.tags().isEmpty() ? "" : "\ntags: " + String.join(", ", v.tags().keySet()));
    }

    private void scrolled(ScrollEvent e) {
        TimelineLayout l = layout.get();
        if (e.getDeltaY() == 0 || l == null) {
            return;
        }
        control.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, l.scale().fraction(e.getX()));
        e.consume();
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.LEFT || k == KeyCode.RIGHT) {
            int dir = k == KeyCode.LEFT ? -1 : 1;
            if (e.isControlDown()) {
                control.pan(dir * 0.2);
            } else {
                control.step(dir);
            }
        } else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
            control.zoom(0.7, 0.5);
        } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
            control.zoom(1 / 0.7, 0.5);
        } else if (k == KeyCode.DIGIT0 || k == KeyCode.HOME || k == KeyCode.NUMPAD0) {
            control.zoomToFit();
        } else if (k == KeyCode.CONTEXT_MENU || k == KeyCode.F10 && e.isShiftDown()) {
            // not every platform turns these keys into a context-menu request; the menu must open either way
            Point2D centre = control.localToScreen(control.getWidth() / 2, control.getHeight() / 2);
            menuAtCurrent(centre == null ? 0 : centre.getX(), centre == null ? 0 : centre.getY());
        } else {
            return;
        }
        e.consume();
    }
}
