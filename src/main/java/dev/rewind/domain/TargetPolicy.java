package dev.rewind.domain;

import java.util.List;

/** What a target asks of every move onto it: whether it is protected, and its metric guards. */
public record TargetPolicy(boolean protectedTarget, List<MetricGuard> guards) {
    public static final TargetPolicy OPEN = new TargetPolicy(false, List.of());

    public TargetPolicy {
        guards = List.copyOf(guards);
    }
}
