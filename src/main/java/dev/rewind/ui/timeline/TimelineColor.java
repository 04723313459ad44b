package dev.rewind.ui.timeline;

import javafx.css.CssMetaData;
import javafx.css.StyleConverter;
import javafx.css.StyleableProperty;
import javafx.scene.paint.Color;

/**
 * The timeline's colours, each a CSS property of {@link VersionTimeline} (the name given here). timeline.css maps
 * them to AtlantaFX's looked-up colours, so a theme switch restyles the control; the initial values below only show
 * when no theme is loaded.
 */
public enum TimelineColor {
    BACKGROUND("-rw-background-color", "#ffffff"),
    AXIS_BACKGROUND("-rw-axis-background-color", "#f6f8fa"),
    GRID("-rw-grid-color", "#eaeef2"),
    TEXT("-rw-text-color", "#24292f"),
    MUTED("-rw-muted-color", "#57606a"),
    LANE_BACKGROUND("-rw-lane-background-color", "#f6f8fa"),
    SEGMENT("-rw-segment-color", "#d0d7de"),
    LIVE("-rw-live-color", "#0969da"),
    /** The live segment, under light text: a deeper shade than the live ring where the theme has one. */
    LIVE_SEGMENT("-rw-live-segment-color", "#0969da"),
    SELECTION("-rw-selection-color", "#8250df"),
    FAILED("-rw-failed-color", "#cf222e"),
    FAILED_SEGMENT("-rw-failed-segment-color", "#ffcecb"),
    STABLE("-rw-stable-color", "#1a7f37"),
    /** Chips are filled, under light text, so they take the theme's emphasis shades as the app's other chips do. */
    FAILED_CHIP("-rw-failed-chip-color", "#cf222e"),
    STABLE_CHIP("-rw-stable-chip-color", "#2da44e"),
    TAG("-rw-tag-color", "#6e7781"),
    MARKER("-rw-marker-color", "#57606a"),
    GROUP("-rw-group-color", "#afb8c1"),
    GROUP_TEXT("-rw-group-text-color", "#24292f"),
    /** Text on filled shapes: the live segment and the tag chips. */
    ON_EMPHASIS("-rw-on-emphasis-color", "#ffffff");

    private final String property;
    private final Color initial;
    private final CssMetaData<VersionTimeline, Color> cssMetaData;

    TimelineColor(String property, String initial) {
        this.property = property;
        this.initial = Color.web(initial);
        TimelineColor key = this;
        cssMetaData = new CssMetaData<>(property, StyleConverter.getColorConverter(), this.initial) {
            @Override
            public boolean isSettable(VersionTimeline t) {
                return !t.colorProperty(key).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(VersionTimeline t) {
                return t.styleableColor(key);
            }
        };
    }

    /** The CSS property name, such as {@code -rw-live-color}. */
    public String property() {
        return property;
    }

    Color initial() {
        return initial;
    }

    CssMetaData<VersionTimeline, Color> cssMetaData() {
        return cssMetaData;
    }
}
