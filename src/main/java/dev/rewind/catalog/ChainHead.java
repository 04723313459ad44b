package dev.rewind.catalog;

/**
 * What the head file beside a catalog says: the newest event written (id, hash and its signature), up to which
 * event the chain was last checked, and why the last full check failed (null when it passed or never ran).
 */
public record ChainHead(String catalogId, long eventId, String hash, String keyId, String signature,
                        long verifiedTo, String failed) {

    public ChainHead advancedTo(EventRecord e) {
        return new ChainHead(catalogId, e.id(), e.hash(), e.keyId(), e.signature(), verifiedTo, failed);
    }

    public ChainHead checked(long upTo, String failure) {
        return new ChainHead(catalogId, eventId, hash, keyId, signature, upTo, failure);
    }
}
