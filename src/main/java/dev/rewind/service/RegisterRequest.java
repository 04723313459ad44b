package dev.rewind.service;

import dev.rewind.domain.MetricValue;
import dev.rewind.domain.NextLabel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a person asks to register. {@code artifact} may be null for a version without stored bytes; {@code version}
 * is null when {@code next} says how Rewind picks the label.
 */
public record RegisterRequest(String model, String version, Path artifact, List<MetricValue> metrics,
                              Map<String, String> params, Map<String, String> tags, String description,
                              String sourceRun, String parent, NextLabel next) {
    public RegisterRequest(String model, String version, Path artifact, List<MetricValue> metrics,
                           Map<String, String> params, Map<String, String> tags, String description,
                           String sourceRun, String parent) {
        this(model, version, artifact, metrics, params, tags, description, sourceRun, parent, null);
    }

    public RegisterRequest {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        params = params == null ? Map.of() : Map.copyOf(params);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
    }
}
