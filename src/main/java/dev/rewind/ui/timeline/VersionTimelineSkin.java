package dev.rewind.ui.timeline;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.SkinBase;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Lays out and paints {@link VersionTimeline} on a Canvas ({@link TimelineLayouter}, then {@link TimelinePainter})
 * whenever the control's data, view, selection or style changes; {@link TimelineInput} handles mouse and keys.
 */
final class VersionTimelineSkin extends SkinBase<VersionTimeline> {
    private final Canvas canvas = new Canvas();
    private final TextMeasurer plain;
    private final TextMeasurer bold;
    private final TimelineLayouter layouter;
    private TimelineLayout layout;
    private boolean restyled;
    private boolean stale;

    VersionTimelineSkin(VersionTimeline control) {
        super(control);
        plain = new TextMeasurer(control.fontProperty().get());
        bold = new TextMeasurer(boldOf(control.fontProperty().get()));
        layouter = new TimelineLayouter(plain::width, bold::width, ZoneId.systemDefault());
        getChildren().add(canvas);
        for (Observable p : List.of(control.dataProperty(), control.loadingProperty(), control.viewStartProperty(),
                control.viewEndProperty(), control.currentProperty(), control.widthProperty(),
                control.heightProperty(), control.getSelection())) {
            p.addListener(o -> invalidated());
        }
        List<Observable> styled = new ArrayList<>(List.of(control.fontProperty()));
        List.of(TimelineColor.values()).forEach(c -> styled.add(control.colorProperty(c)));
        List.of(TimelineSize.values()).forEach(z -> styled.add(control.sizeProperty(z)));
        styled.forEach(p -> p.addListener(o -> restyled()));
        new TimelineInput(control, canvas, this::lastLayout).install();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        canvas.setLayoutX(x);
        canvas.setLayoutY(y);
        if (canvas.getWidth() != w || canvas.getHeight() != h || restyled || stale) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    // a pan sets the view's start and end, a zoom both and the selection may follow: one paint per pulse, not per
    // property, in the layout pass the request schedules
    private void invalidated() {
        if (!stale) {
            stale = true;
            getSkinnable().requestLayout();
        }
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return geometry().prefHeight(getSkinnable().getData().lanes().size()) + top + bottom;
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

    /** What was drawn last; on the FX thread, a change not yet painted is painted first, so it is current. */
    TimelineLayout lastLayout() {
        if (stale && javafx.application.Platform.isFxApplicationThread()) {
            paint();
        }
        return layout;
    }

    private TimelineGeometry geometry() {
        VersionTimeline c = getSkinnable();
        return new TimelineGeometry(c.sizeProperty(TimelineSize.GUTTER_WIDTH).get(),
                c.sizeProperty(TimelineSize.AXIS_HEIGHT).get(), c.sizeProperty(TimelineSize.LANE_HEIGHT).get(),
                c.sizeProperty(TimelineSize.MARKER_RADIUS).get(), c.sizeProperty(TimelineSize.MARKER_GAP).get());
    }

    // a theme switch sets every property in one CSS pass: paint once, in the layout pass that follows it
    private void restyled() {
        restyled = true;
        getSkinnable().requestLayout();
    }

    private static Font boldOf(Font f) {
        return Font.font(f.getFamily(), FontWeight.BOLD, f.getSize());
    }

    private void paint() {
        restyled = false;
        stale = false;
        VersionTimeline c = getSkinnable();
        Font font = c.fontProperty().get();
        if (!font.equals(plain.font())) {
            plain.setFont(font);
            bold.setFont(boldOf(font));
        }
        layout = layouter.layout(c.getData(), c.getSelection(), new TimelineLayouter.Viewport(
                c.viewStartProperty().get(), c.viewEndProperty().get(), canvas.getWidth(), canvas.getHeight()),
                geometry());
        new TimelinePainter(canvas.getGraphicsContext2D(), k -> c.colorProperty(k).get(), plain.font(), bold.font())
                .paint(layout, c.loadingProperty().get() ? "Loading…" : "No versions yet");
    }
}
