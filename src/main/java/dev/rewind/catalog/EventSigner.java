package dev.rewind.catalog;

/** Signs the hash of each event as it is appended, with the acting person's key. */
public interface EventSigner {
    /** A signature and the key that made it; the public key is what the catalog stores to check it. */
    record Seal(String keyId, String publicKey, String signature) {
    }

    Seal seal(String actor, String hash);
}
