package dev.rewind.catalog;

import dev.rewind.domain.EventKind;

/**
 * One move of a target's pointer (deploy, rollback, or an import onto it): what a lane of the timeline is drawn
 * from, read without the rest of the event. {@code versionId} is the version moved to ({@link #NO_VERSION} if the
 * row has none), named by {@link VersionRepository#labels}, or by the versions the caller has read already.
 * {@code atMs} is when the move took effect; {@code approximate} when that time is the source's best account of an
 * imported move, not a time Rewind saw.
 */
public record Position(long targetId, long atMs, EventKind kind, long versionId, boolean approximate) {
    public static final long NO_VERSION = 0;
}
