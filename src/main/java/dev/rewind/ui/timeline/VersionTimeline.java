package dev.rewind.ui.timeline;

import dev.rewind.domain.Version;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.util.Callback;

/**
 * A model's history on a time axis: versions as markers with labels and tag chips, one lane per target showing
 * which version it served when, the live versions highlighted. Drawn on one Canvas, so it stays smooth with
 * tens of thousands of versions: markers too dense to label are aggregated into counts.
 *
 * <p>Mouse: click selects, Ctrl/Shift-click adds to the selection, drag pans, the wheel zooms, a click on a
 * count zooms into it. Keys: Left/Right move the selection, Ctrl+Left/Right pan, +/- zoom, 0 or Home fits. The
 * context menu (right-click, Shift+F10, the menu key) is whatever {@link #contextMenuFactoryProperty()} builds.
 *
 * <p>Styled from CSS (class {@code rw-timeline}): every {@link TimelineColor} and {@link TimelineSize} is a property
 * such as {@code -rw-live-color} or {@code -rw-lane-height}, and {@code -rw-font} sets the text; timeline.css
 * maps the colours to the AtlantaFX theme's looked-up colours, so switching the theme restyles the control.
 */
public final class VersionTimeline extends Control {
    private final ObjectProperty<TimelineData> data = new SimpleObjectProperty<>(this, "data", TimelineData.EMPTY);
    /** The visible time range, in epoch milliseconds. */
    private final DoubleProperty viewStart = new SimpleDoubleProperty(this, "viewStart", 0);
    private final DoubleProperty viewEnd = new SimpleDoubleProperty(this, "viewEnd", 1);
    private final ObjectProperty<Version> current = new SimpleObjectProperty<>(this, "current");
    private final javafx.beans.property.BooleanProperty loading =
            new javafx.beans.property.SimpleBooleanProperty(this, "loading");
    private final ObservableList<Version> selection = FXCollections.observableArrayList();
    private final Map<TimelineColor, StyleableObjectProperty<Color>> colors = new EnumMap<>(TimelineColor.class);
    private final Map<TimelineSize, SimpleStyleableDoubleProperty> sizes = new EnumMap<>(TimelineSize.class);
    private final StyleableObjectProperty<Font> font = new SimpleStyleableObjectProperty<>(TimelineCss.FONT, this,
            "font", TimelineCss.FONT.getInitialValue(null));
    private final ObjectProperty<Callback<Version, ContextMenu>> contextMenuFactory =
            new SimpleObjectProperty<>(this, "contextMenuFactory");

    public VersionTimeline() {
        // the canvas is invisible to a screen reader: the control speaks for the version in focus
        setAccessibleRoleDescription("version timeline");
        setAccessibleHelp("Left and Right move between versions, plus and minus zoom, 0 fits, Shift+F10 opens actions");
        accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> getData() == null ? "" : getData().describe(currentProperty().get()),
                currentProperty(), dataProperty()));
        getStyleClass().add("rw-timeline");
        setFocusTraversable(true);
        setId("timeline");
        for (TimelineColor c : TimelineColor.values()) {
            colors.put(c, new SimpleStyleableObjectProperty<>(c.cssMetaData(), this, c.property(), c.initial()));
        }
        for (TimelineSize z : TimelineSize.values()) {
            sizes.put(z, new SimpleStyleableDoubleProperty(z.cssMetaData(), this, z.property(), z.initial()));
        }
        data.addListener((o, old, d) -> {
            boolean sameModel = old != null && !old.versions().isEmpty() && !d.versions().isEmpty()
                    && old.versions().get(0).model().equals(d.versions().get(0).model());
            if (!sameModel) {
                zoomToFit();
            }
            if (!sameModel) {
                // a label of another model may exist here too ("1.0"): it is not what the person chose
                selection.clear();
                current.set(null);
                return;
            }
            // keep the selection across refreshes, by label
            List<String> labels = selection.stream().map(Version::label).toList();
            String focus = current.get() == null ? null : current.get().label();
            selection.setAll(d.versions().stream().filter(v -> labels.contains(v.label())).toList());
            current.set(d.versions().stream().filter(v -> v.label().equals(focus)).findFirst().orElse(null));
        });
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new VersionTimelineSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return VersionTimeline.class.getResource("timeline.css").toExternalForm();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return TimelineCss.ALL;
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return TimelineCss.ALL;
    }

    /** Shows every version, with a margin. */
    public void zoomToFit() {
        List<Version> vs = getData().versions();
        long now = getData().now().toEpochMilli();
        if (vs.isEmpty()) {
            viewStart.set(now - 86_400_000L * 30);
            viewEnd.set(now);
            return;
        }
        double first = vs.get(0).createdAt().toEpochMilli();
        double newest = vs.get(vs.size() - 1).createdAt().toEpochMilli();
        // reach to now only when it is near: an old imported history should fill the view, not a corner of it
        double last = now - newest < (newest - first + 86_400_000L) * 0.5 ? Math.max(newest, now) : newest;
        double span = Math.max(last - first, 3_600_000);
        viewStart.set(first - span * 0.04);
        viewEnd.set(last + span * 0.04);
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping the time under {@code anchor} (0..1 of the width) still. */
    public void zoom(double factor, double anchor) {
        double s = viewStart.get();
        double e = viewEnd.get();
        double at = s + (e - s) * anchor;
        double span = Math.max((e - s) * factor, 60_000);
        span = Math.min(span, 86_400_000L * 365.0 * 50);
        viewStart.set(at - span * anchor);
        viewEnd.set(at + span * (1 - anchor));
    }

    /** Pans by a fraction of the visible span (negative: towards the past). */
    public void pan(double fraction) {
        double d = (viewEnd.get() - viewStart.get()) * fraction;
        viewStart.set(viewStart.get() + d);
        viewEnd.set(viewEnd.get() + d);
    }

    /** Selects one version only (null clears). */
    public void select(Version v) {
        if (v == null) {
            selection.clear();
        } else {
            selection.setAll(v);
        }
        current.set(v);
    }

    /** Adds a version to the selection, or removes it if it is there (Ctrl/Shift-click). */
    public void toggle(Version v) {
        if (selection.contains(v)) {
            selection.remove(v);
            if (v.equals(current.get())) {
                current.set(selection.isEmpty() ? null : selection.get(selection.size() - 1));
            }
        } else {
            selection.add(v);
            current.set(v);
        }
    }

    /** Moves the selection to the next (+1) or previous (−1) version in time, panning to keep it visible. */
    public void step(int direction) {
        List<Version> vs = getData().versions();
        if (vs.isEmpty()) {
            return;
        }
        int i = current.get() == null ? (direction > 0 ? -1 : vs.size()) : getData().indexOf(current.get());
        int next = Math.max(0, Math.min(vs.size() - 1, i + direction));
        Version v = vs.get(next);
        select(v);
        double t = v.createdAt().toEpochMilli();
        double span = viewEnd.get() - viewStart.get();
        if (t < viewStart.get() || t > viewEnd.get()) {
            viewStart.set(t - span / 2);
            viewEnd.set(t + span / 2);
        }
    }

    /** Selects the version with this label, if present. */
    public void selectLabel(String label) {
        Version v = getData().withLabel(label);
        if (v != null) {
            select(v);
        }
    }

    /** While set, an empty timeline says it is loading rather than that the model has no versions. */
    public javafx.beans.property.BooleanProperty loadingProperty() {
        return loading;
    }

    public ObjectProperty<TimelineData> dataProperty() {
        return data;
    }

    public TimelineData getData() {
        return data.get();
    }

    public void setData(TimelineData d) {
        data.set(d == null ? TimelineData.EMPTY : d);
    }

    public DoubleProperty viewStartProperty() {
        return viewStart;
    }

    public DoubleProperty viewEndProperty() {
        return viewEnd;
    }

    public ObjectProperty<Version> currentProperty() {
        return current;
    }

    public ObservableList<Version> getSelection() {
        return selection;
    }

    /** One of the timeline's colours; set from CSS by its {@link TimelineColor#property() property name}. */
    public ObjectProperty<Color> colorProperty(TimelineColor c) {
        return colors.get(c);
    }

    StyleableProperty<Color> styleableColor(TimelineColor c) {
        return colors.get(c);
    }

    /** One of the timeline's sizes in pixels; set from CSS by its {@link TimelineSize#property() property name}. */
    public DoubleProperty sizeProperty(TimelineSize z) {
        return sizes.get(z);
    }

    StyleableProperty<Number> styleableSize(TimelineSize z) {
        return sizes.get(z);
    }

    /** The font of labels and ticks (bold where a version is live or selected); CSS {@code -rw-font}. */
    public ObjectProperty<Font> fontProperty() {
        return font;
    }

    StyleableProperty<Font> styleableFont() {
        return font;
    }

    /**
     * Builds the context menu for a version: the one under the pointer, or the current one when the menu is asked
     * for from the keyboard. The timeline selects that version first and shows the menu; null shows none.
     */
    public ObjectProperty<Callback<Version, ContextMenu>> contextMenuFactoryProperty() {
        return contextMenuFactory;
    }

    public void setContextMenuFactory(Callback<Version, ContextMenu> factory) {
        contextMenuFactory.set(factory);
    }

    /** What was drawn last, or null before the first paint; for tests and for what is built on the timeline. */
    public TimelineLayout lastLayout() {
        return getSkin() instanceof VersionTimelineSkin s ? s.lastLayout() : null;
    }

    /** The version drawn nearest to the point (in the control's coordinates), or null. For tests and menus. */
    public Version versionAt(double x, double y) {
        TimelineLayout l = lastLayout();
        return l == null ? null : l.versionAt(x, y);
    }

    /** Where a version is drawn, in the control's coordinates, or null when it is not visible on its own. */
    public Point2D positionOf(String label) {
        TimelineLayout l = lastLayout();
        return l == null ? null : l.markOf(label).map(m -> new Point2D(m.x(), m.y())).orElse(null);
    }
}
