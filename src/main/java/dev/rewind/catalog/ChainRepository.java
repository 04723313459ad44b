package dev.rewind.catalog;

import java.util.List;
import java.util.Map;

/** What verification of the signed chain reads beyond the events: digests of facts, tags, keys. */
public interface ChainRepository {
    record KeyRow(String id, String actor, String publicKey, long createdAt) {
    }

    /** Which catalog this is, and the first event written signed (earlier ones predate schema 5). */
    record Info(String catalogId, long firstSealedEvent) {
    }

    Info info();

    /** The digest of a version's facts as stored now, or null when there is no such version. */
    String versionDigest(long versionId);

    /** The digest of a target's identity (model, name, serving dir) as stored now, or null when there is none. */
    String targetDigest(long targetId);

    /**
     * The digests a target's newest covering event may hold and still vouch for it: {@link #targetDigest} first, and
     * for a target whose add event (signed by schema 8, before a pointer counted among the facts) names its very
     * external pointer, the digest without it. Empty when there is no such target.
     */
    List<String> targetDigests(long targetId);

    /** Keeps a version's tags as they are now as its registered tags (called when its register event is written). */
    void keepInitialTags(long versionId);

    /** Tags of every version that has any, by version id. */
    Map<Long, Map<String, String>> tags();

    /** Registered tags of every version that has any, by version id. */
    Map<Long, Map<String, String>> initialTags();

    /** "model label" of every version, by id. */
    Map<Long, String> versionNames();

    /** Events naming a version (as its version), oldest first. */
    List<EventRecord> eventsOfVersion(long versionId);

    /** Events of a target, oldest first. */
    List<EventRecord> eventsOfTarget(long targetId);

    /** At most {@code limit} events after {@code id} (all when negative), oldest first. */
    List<EventRecord> eventsAfter(long id, int limit);

    /** The stored hash of one event. */
    java.util.Optional<String> hashOf(long eventId);

    Map<String, KeyRow> keys();

    /** Stores a public key unless it is there already. */
    void addKey(String id, String actor, String publicKey, long at);
}
