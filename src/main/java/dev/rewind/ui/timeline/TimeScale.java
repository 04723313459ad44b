package dev.rewind.ui.timeline;

/** Maps epoch milliseconds in {@code [start, end]} onto pixels in {@code [left, right]}, and back. */
public record TimeScale(double start, double end, double left, double right) {

    public double x(double ms) {
        return left + (ms - start) / (end - start) * (right - left);
    }

    public double time(double px) {
        return start + (px - left) / (right - left) * (end - start);
    }

    /** Where {@code px} falls between left (0) and right (1), clamped. */
    public double fraction(double px) {
        return Math.max(0, Math.min(1, (px - left) / Math.max(1, right - left)));
    }
}
