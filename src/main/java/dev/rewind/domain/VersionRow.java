package dev.rewind.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What the timeline needs of a version and nothing more: no metrics or params, so a model with 100,000 versions
 * reads in one indexed pass. {@code tags} is usually empty (tags are rare), {@code live}: some target serves it.
 */
public record VersionRow(long id, String label, long seq, Instant createdAt, Map<String, String> tags,
                         boolean live) {
    public VersionRow {
        // a bare tag's value is null (so no Map.copyOf); most rows have no tag, and 100,000 empty maps add up
        tags = tags.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
    }

    public boolean failed() {
        return Tags.isFailed(tags);
    }

    public boolean stable() {
        return Tags.isStable(tags);
    }
}
