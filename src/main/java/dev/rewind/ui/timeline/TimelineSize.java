package dev.rewind.ui.timeline;

import javafx.css.CssMetaData;
import javafx.css.StyleConverter;
import javafx.css.StyleableProperty;

/** The timeline's sizes in pixels, each a CSS property of {@link VersionTimeline}. */
public enum TimelineSize {
    /** The left column that names the rows. */
    GUTTER_WIDTH("-rw-gutter-width", TimelineGeometry.DEFAULT.gutter()),
    AXIS_HEIGHT("-rw-axis-height", TimelineGeometry.DEFAULT.axisHeight()),
    LANE_HEIGHT("-rw-lane-height", TimelineGeometry.DEFAULT.laneHeight()),
    MARKER_RADIUS("-rw-marker-radius", TimelineGeometry.DEFAULT.markerRadius()),
    /** Markers closer than this are drawn as one count. */
    MARKER_GAP("-rw-marker-gap", TimelineGeometry.DEFAULT.markerGap());

    private final String property;
    private final double initial;
    private final CssMetaData<VersionTimeline, Number> cssMetaData;

    TimelineSize(String property, double initial) {
        this.property = property;
        this.initial = initial;
        TimelineSize key = this;
        cssMetaData = new CssMetaData<>(property, StyleConverter.getSizeConverter(), initial) {
            @Override
            public boolean isSettable(VersionTimeline t) {
                return !t.sizeProperty(key).isBound();
            }

            @Override
            public StyleableProperty<Number> getStyleableProperty(VersionTimeline t) {
                return t.styleableSize(key);
            }
        };
    }

    /** The CSS property name, such as {@code -rw-lane-height}. */
    public String property() {
        return property;
    }

    double initial() {
        return initial;
    }

    CssMetaData<VersionTimeline, Number> cssMetaData() {
        return cssMetaData;
    }
}
