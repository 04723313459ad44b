package dev.rewind.domain;

/**
 * Where a version's bytes are. {@code sha256} and {@code size} are null when the artifact is only referenced
 * by URI (an import from a remote store) and could not be read when it was registered.
 */
public record Artifact(String uri, String sha256, Long size) {
    public static final String STORE_SCHEME = "rewind-store:";

    /** True when the bytes live in this catalog's content-addressed store. */
    public boolean stored() {
        return uri != null && uri.startsWith(STORE_SCHEME);
    }

    public static Artifact stored(String sha256, long size) {
        return new Artifact(STORE_SCHEME + sha256, sha256, size);
    }
}
