package dev.rewind.service;

import dev.rewind.catalog.ChainRepository.KeyRow;
import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.Keyring;
import java.time.Instant;
import java.util.Map;

/** Whether one event is intact: linked to the one before, matching its hash, signed by a known key of its actor. */
final class EventSeals {
    private final Map<String, KeyRow> keys;
    private final long firstSealed;

    EventSeals(Map<String, KeyRow> keys, long firstSealed) {
        this.keys = keys;
        this.firstSealed = firstSealed;
    }

    static String describe(EventRecord e) {
        return "event " + e.id() + " (" + e.kind().id() + " by " + e.actor() + " at " + Instant.ofEpochMilli(e.at())
                + ")";
    }

    /** Why the link or the hash of {@code e} is wrong, or null; {@code previousHash} null skips the link. */
    static String linkProblem(EventRecord e, String previousHash) {
        if (previousHash != null && !previousHash.equals(e.prevHash())) {
            return "history: " + describe(e) + " does not follow the event before it: an event before it was"
                    + " removed or altered";
        }
        if (!EventChain.hash(e).equals(e.hash())) {
            return "history: " + describe(e) + " does not match its hash: it was altered after it was written";
        }
        return null;
    }

    /** Why the signature of {@code e} does not hold, or null (also for unsigned events from before schema 5). */
    String signatureProblem(EventRecord e) {
        if (e.keyId() == null || e.signature() == null) {
            return e.id() < firstSealed ? null : "history: " + describe(e) + " is not signed: Rewind did not write it";
        }
        KeyRow k = keys.get(e.keyId());
        if (k == null) {
            return "history: " + describe(e) + " is signed by an unknown key " + shortId(e.keyId());
        }
        if (!Keyring.fingerprint(k.publicKey()).equals(k.id())) {
            return "history: the key " + shortId(k.id()) + " of " + k.actor() + " was replaced in the catalog, so "
                    + describe(e) + " cannot be trusted";
        }
        if (!k.actor().equals(e.actor())) {
            return "history: " + describe(e) + " is signed with " + k.actor() + "'s key, not " + e.actor() + "'s";
        }
        if (!Keyring.valid(k.publicKey(), e.hash(), e.signature())) {
            return "history: " + describe(e) + " has a forged signature: it was altered or written without "
                    + k.actor() + "'s key";
        }
        return null;
    }

    /** Link, hash and signature, in that order; the first problem or null. */
    String problem(EventRecord e, String previousHash) {
        String link = linkProblem(e, previousHash);
        return link != null ? link : signatureProblem(e);
    }

    static String shortId(String keyId) {
        return keyId.length() > 12 ? keyId.substring(0, 12) : keyId;
    }
}
