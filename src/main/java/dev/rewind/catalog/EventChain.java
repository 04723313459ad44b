package dev.rewind.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The tamper-evident hash chain over events: each hash covers the event's content and the previous hash. */
public final class EventChain {
    /** The {@code prev_hash} of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private EventChain() {
    }

    public static String hash(EventRecord e) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, e.prevHash());
        field(sb, Long.toString(e.id()));
        field(sb, Long.toString(e.at()));
        field(sb, e.kind().id());
        field(sb, e.modelId());
        field(sb, e.targetId());
        field(sb, e.versionId());
        field(sb, e.fromVersionId());
        field(sb, e.toVersionId());
        field(sb, e.tagKey());
        field(sb, e.tagValue());
        field(sb, e.reason());
        field(sb, e.actor());
        field(sb, e.host());
        if (e.effectiveAt() != null) {
            // from schema 7 on, only when present (so every older hash stays): overrides and digest take their
            // places, then a marker, so the longer field list reads as no other event's
            field(sb, e.overrides());
            field(sb, e.factsDigest());
            field(sb, "effective_at");
            field(sb, e.effectiveAt());
        } else if (e.factsDigest() != null) {
            // from schema 5 on: overrides always take a place (null or not) before the digest, so no event's
            // fields can be read as another's
            field(sb, e.overrides());
            field(sb, e.factsDigest());
        } else if (e.overrides() != null) {
            // only when present, so events written before overrides were recorded keep their hashes
            field(sb, e.overrides());
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void field(StringBuilder sb, Object value) {
        // length-prefixed so that no two different field lists hash the same text
        if (value == null) {
            sb.append("-1:");
        } else {
            String s = value.toString();
            sb.append(s.length()).append(':').append(s);
        }
        sb.append('|');
    }
}
