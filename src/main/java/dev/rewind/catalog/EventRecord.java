package dev.rewind.catalog;

import dev.rewind.domain.EventKind;

/**
 * An event as stored, with ids. When appending, {@code id}, {@code prevHash}, {@code hash}, {@code factsDigest},
 * {@code keyId} and {@code signature} are ignored: the repository assigns the next id, digests the facts the
 * event commits to, links the hash chain and signs the hash. {@code overrides} lists the rules a move set
 * aside ({@link dev.rewind.domain.MoveOverride#format}), null for none. {@code effectiveAt}: for a move read
 * from another registry, when that registry says it happened (approximate where the source keeps no exact time),
 * while {@code at} stays the time Rewind recorded it; null when the two are the same.
 */
public record EventRecord(long id, long at, EventKind kind, Long modelId, Long targetId, Long versionId,
                          Long fromVersionId, Long toVersionId, String tagKey, String tagValue, String reason,
                          String actor, String host, String prevHash, String hash, String overrides,
                          String factsDigest, String keyId, String signature, Long effectiveAt) {

    /** An event without a separate effective time (every event but an imported move). */
    public EventRecord(long id, long at, EventKind kind, Long modelId, Long targetId, Long versionId,
                       Long fromVersionId, Long toVersionId, String tagKey, String tagValue, String reason,
                       String actor, String host, String prevHash, String hash, String overrides,
                       String factsDigest, String keyId, String signature) {
        this(id, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey, tagValue, reason, actor,
                host, prevHash, hash, overrides, factsDigest, keyId, signature, null);
    }

    public static EventRecord draft(long at, EventKind kind, Long modelId, Long targetId, Long versionId,
                                    Long fromVersionId, Long toVersionId, String tagKey, String tagValue,
                                    String reason, String actor, String host) {
        return new EventRecord(0, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey,
                tagValue, reason, actor, host, null, null, null, null, null, null);
    }

    public EventRecord withOverrides(String stored) {
        return new EventRecord(id, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey,
                tagValue, reason, actor, host, prevHash, hash, stored, factsDigest, keyId, signature, effectiveAt);
    }

    /** This draft, recorded now but having happened at {@code sourceMs} by its source's account. */
    public EventRecord effectiveAt(long sourceMs) {
        return new EventRecord(id, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey,
                tagValue, reason, actor, host, prevHash, hash, overrides, factsDigest, keyId, signature, sourceMs);
    }

    /** This draft written in another actor's name (the one a shared database records for the session). */
    public EventRecord byActor(String who) {
        return new EventRecord(id, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey,
                tagValue, reason, who, host, prevHash, hash, overrides, factsDigest, keyId, signature);
    }

    /** This event with its id, its predecessor's hash, the digest of the facts it covers, and its own hash. */
    public EventRecord linked(long newId, String previous, String digest) {
        EventRecord withId = new EventRecord(newId, at, kind, modelId, targetId, versionId, fromVersionId,
                toVersionId, tagKey, tagValue, reason, actor, host, previous, null, overrides, digest, null, null,
                effectiveAt);
        return new EventRecord(newId, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey,
                tagValue, reason, actor, host, previous, EventChain.hash(withId), overrides, digest, null, null,
                effectiveAt);
    }

    public EventRecord linked(long newId, String previous) {
        return linked(newId, previous, null);
    }

    public EventRecord sealed(String key, String sig) {
        return new EventRecord(id, at, kind, modelId, targetId, versionId, fromVersionId, toVersionId, tagKey,
                tagValue, reason, actor, host, prevHash, hash, overrides, factsDigest, key, sig, effectiveAt);
    }
}
