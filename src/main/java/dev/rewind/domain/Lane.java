package dev.rewind.domain;

import java.time.Instant;
import java.util.List;

/** What one target served over time: consecutive segments, the last one open ({@code until} null) if live. */
public record Lane(String target, List<Segment> segments, String liveVersion) {

    public record Segment(String version, Instant from, Instant until, EventKind how) {
    }
}
