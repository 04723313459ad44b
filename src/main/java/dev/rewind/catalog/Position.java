package dev.rewind.catalog;

import dev.rewind.domain.EventKind;

/**
 * One move of a target's pointer (deploy, rollback, or an import onto it): what a lane of the timeline is drawn
 * from, read without the rest of the event. {@code version} is the label moved to, null if the row has none.
 */
public record Position(long targetId, long atMs, EventKind kind, String version) {
}
