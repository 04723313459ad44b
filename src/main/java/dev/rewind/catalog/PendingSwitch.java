package dev.rewind.catalog;

/** A serving-directory switch committed in the catalog but not yet confirmed on disk. */
public record PendingSwitch(long eventId, long targetId) {
}
