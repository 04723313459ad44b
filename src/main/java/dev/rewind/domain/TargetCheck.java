package dev.rewind.domain;

import java.time.Duration;

/** A command run after every switch of a target, which must exit 0 within {@code timeout}. */
public record TargetCheck(String command, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
}
