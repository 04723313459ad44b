package dev.rewind.ui.versions;

import dev.rewind.domain.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the Versions table: a version read light (author, every tag, only the metrics its columns and filter
 * name) and the targets that serve it now.
 */
public record VersionLine(Version version, List<String> liveOn) {
    public VersionLine {
        liveOn = List.copyOf(liveOn);
    }

    /** The tags as shown and sorted: {@code stable, owner=ana}, by key. */
    public String tagsText() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : version.tags().entrySet()) {
            parts.add(e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue());
        }
        return String.join(", ", parts);
    }

    public String liveText() {
        return String.join(", ", liveOn);
    }

    /** The summary value of a metric, or null when the version has none (a NaN counts as none). */
    public Double metric(String key) {
        Double v = version.metrics().get(key);
        return v == null || v.isNaN() ? null : v;
    }
}
