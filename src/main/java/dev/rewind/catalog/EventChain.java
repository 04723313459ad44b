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
        if (e.factsDigest() != null) {
            // absent before schema 5, so the hashes of events written earlier stay what they were
            field(sb, e.factsDigest());
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
