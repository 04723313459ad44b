package dev.rewind.catalog;

import dev.rewind.domain.EventKind;

/**
 * An event as stored, with ids. When appending, {@code id}, {@code prevHash} and {@code hash} are ignored:
 * the repository assigns the next id and links the hash chain. {@code overrides} lists the rules a move set
 * aside ({@link dev.rewind.domain.MoveOverride#format}), null for none.
 */
public record EventRecord(long id, long at, EventKind kind, Long modelId, Long targetId, Long versionId,
                          Long fromVersionId, Long toVersionId, String tagKey, String tagValue, String reason,
                          String actor, String host, String prevHash, String hash, String overrides) {

    public static EventRecord draft(long at, EventKind kind, Long modelId, Long targetId, Long versionId,
                                    Long fromVersionId, Long toVersionId, String tagKey, String tagValue,
                                    String reason, String actor, String host) {
        return new EventRecord(0, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey,
                tagValue, reason, actor, host, null, null, null);
    }

    public EventRecord withOverrides(String stored) {
        return new EventRecord(id, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey,
                tagValue, reason, actor, host, prevHash, hash, stored);
    }

    public EventRecord linked(long newId, String previous) {
        EventRecord withId = new EventRecord(newId, at, kind, modelId, targetId, versionId, fromVersionId,
                toVersionId, tagKey, tagValue, reason, actor, host, previous, null, overrides);
        return new EventRecord(newId, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey,
                tagValue, reason, actor, host, previous, EventChain.hash(withId), overrides);
    }
}
