package dev.rewind.domain;

import java.time.Instant;
import java.util.List;

/** What one target served over time: consecutive segments, the last one open ({@code until} null) if live. */
public record Lane(String target, List<Segment> segments, String liveVersion) {

    /** {@code approximate}: {@code from} is an imported source's best account of when the move happened. */
    public record Segment(String version, Instant from, Instant until, EventKind how, boolean approximate) {
        public Segment(String version, Instant from, Instant until, EventKind how) {
            this(version, from, until, how, false);
        }
    }
}
