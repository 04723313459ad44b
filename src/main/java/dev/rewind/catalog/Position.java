package dev.rewind.catalog;

import dev.rewind.domain.EventKind;

/**
 * One move of a target's pointer (deploy, rollback, or an import onto it): what a lane of the timeline is drawn
 * from, read without the rest of the event. {@code version} is the label moved to, null if the row has none.
 * {@code atMs} is when the move took effect; {@code approximate} when that time is the source's best account of an
 * imported move, not a time Rewind saw.
 */
public record Position(long targetId, long atMs, EventKind kind, String version, boolean approximate) {
    public Position(long targetId, long atMs, EventKind kind, String version) {
        this(targetId, atMs, kind, version, false);
    }
}
