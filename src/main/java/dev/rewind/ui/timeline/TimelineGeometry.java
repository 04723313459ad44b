package dev.rewind.ui.timeline;

/** The sizes a layout is built from, and the rows they put where. */
public record TimelineGeometry(double gutter, double axisHeight, double laneHeight, double markerRadius,
                               double markerGap) {
    /** Room kept free right of the newest time, so a marker there is not cut in half. */
    static final double RIGHT_MARGIN = 12;
    static final double LANE_GAP = 6;

    /** The sizes with no stylesheet; {@link TimelineSize} starts from these. */
    public static final TimelineGeometry DEFAULT = new TimelineGeometry(104, 26, 24, 5, 12);

    /** The centre line of the version markers. */
    public double markerY() {
        return axisHeight + 36;
    }

    /** The top of the first lane. */
    public double lanesY() {
        return axisHeight + 84;
    }

    public double laneY(int index) {
        return lanesY() + index * (laneHeight + LANE_GAP);
    }

    /** Room for the axis, the markers and at least two lanes. */
    public double prefHeight(int lanes) {
        return laneY(Math.max(2, lanes)) + 16;
    }
}
