package dev.rewind.service;

import dev.rewind.domain.Lane;
import dev.rewind.domain.VersionRow;
import java.util.List;

/** What a model's timeline is drawn from: its versions as light rows, oldest first, and one lane per target. */
public record ModelTimeline(List<VersionRow> rows, List<Lane> lanes) {
    public ModelTimeline {
        rows = List.copyOf(rows);
        lanes = List.copyOf(lanes);
    }
}
