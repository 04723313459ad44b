package dev.rewind.service;

import dev.rewind.catalog.ChainRepository.KeyRow;
import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.Keyring;
import java.time.Instant;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Whether one event is intact: linked to the one before, matching its hash, signed by a known key of its actor. */
final class EventSeals {
    private final Map<String, KeyRow> keys;
    private final long firstSealed;
    /** Decoding a key costs more than checking a signature with it; each is decoded once. */
    private final Map<String, Optional<PublicKey>> decoded = new HashMap<>();

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

    /**
     * Why the signature of a signed event does not hold, or null (also for an unsigned event: whether a later
     * signature seals it is for the caller to see). A signature seals its own event and every unsigned one
     * before it back to {@code sealsFrom}.
     */
    String signatureProblem(EventRecord e, long sealsFrom) {
        if (e.keyId() == null && e.signature() == null) {
            return null;
        }
        if (e.keyId() == null || e.signature() == null) {
            // Rewind writes both or neither
            return "history: " + describe(e) + " has " + (e.keyId() == null ? "a signature but no key"
                    : "a key but no signature") + ": it was altered after it was written";
        }
        String what = sealsFrom < e.id() ? describe(e) + ", which seals events " + sealsFrom + "-" + e.id() + ","
                : describe(e);
        KeyRow k = keys.get(e.keyId());
        if (k == null) {
            return "history: " + what + " is signed by an unknown key " + shortId(e.keyId());
        }
        if (!Keyring.fingerprint(k.publicKey()).equals(k.id())) {
            return "history: the key " + shortId(k.id()) + " of " + k.actor() + " was replaced in the catalog, so "
                    + what + " cannot be trusted";
        }
        if (!k.actor().equals(e.actor())) {
            return "history: " + what + " is signed with " + k.actor() + "'s key, not " + e.actor() + "'s";
        }
        Optional<PublicKey> key = decoded.computeIfAbsent(k.id(), id -> Keyring.publicKey(k.publicKey()));
        if (key.isEmpty() || !Keyring.valid(key.get(), e.hash(), e.signature())) {
            return "history: " + what + " has a forged signature: " + (sealsFrom < e.id() ? "one of them" : "it")
                    + " was altered or written without " + k.actor() + "'s key";
        }
        return null;
    }

    /** Whether an event written under schema 5 needs a later signature to seal it. */
    boolean needsSeal(EventRecord e) {
        return e.signature() == null && e.id() >= firstSealed;
    }

    static String unsealed(EventRecord first, long last) {
        return "history: " + describe(first) + (last > first.id() ? " and the events after it up to " + last
                + " are" : " is") + " not signed: Rewind did not write " + (last > first.id() ? "them" : "it");
    }

    /**
     * Checks a run of consecutive events: links, hashes and that every one written under schema 5 is sealed by
     * a valid signature within the run; {@code more} supplies the events after the run until a signature is found.
     */
    String runProblem(List<EventRecord> run, java.util.function.LongFunction<List<EventRecord>> more) {
        String previous = null;
        EventRecord open = null;
        List<EventRecord> events = new ArrayList<>(run);
        for (int i = 0; i < events.size(); i++) {
            EventRecord e = events.get(i);
            String p = linkProblem(e, previous);
            if (p == null && (e.signature() != null || e.keyId() != null)) {
                p = signatureProblem(e, open == null ? e.id() : open.id());
                open = null;
            } else if (p == null && needsSeal(e) && open == null) {
                open = e;
            }
            if (p != null) {
                return p;
            }
            previous = e.hash();
            if (i == events.size() - 1 && open != null) {
                events.addAll(more.apply(e.id()));
            }
        }
        return open == null ? null : unsealed(open, events.get(events.size() - 1).id());
    }

    static String shortId(String keyId) {
        return keyId.length() > 12 ? keyId.substring(0, 12) : keyId;
    }
}
