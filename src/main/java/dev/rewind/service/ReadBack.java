package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Artifact;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveProof;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a move back after it was made, from the same places a model server and a colleague would look, so
 * "it took effect" is an observation rather than an assumption.
 */
final class ReadBack {
    private final Catalog catalog;

    ReadBack(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The serving directory right after the switch, with its lock still held: {@code current} must resolve to
     * the stored artifact, whose bytes are those just hashed, and {@code DEPLOYED.json} must name the move.
     */
    MoveProof servingDir(ServingDirectory dir, Move m, Artifact a) {
        ServingDirectory.Observed seen = dir.observe();
        if (seen.problem() != null) {
            return MoveProof.unverified(seen.problem());
        }
        Path resolved;
        Path stored;
        try {
            resolved = dir.dir().resolve(ServingDirectory.CURRENT).toRealPath();
            stored = catalog.artifacts().pathOf(a.sha256()).toRealPath();
        } catch (IOException e) {
            return MoveProof.unverified("'current' in " + dir.dir() + " does not resolve: " + e.getMessage());
        }
        if (!resolved.equals(stored)) {
            return MoveProof.unverified("'current' resolves to " + resolved + ", not to " + m.toVersion()
                    + "'s stored artifact " + stored);
        }
        ServingDirectory.Deployed d = seen.deployed();
        if (d == null) {
            return MoveProof.unverified(dir.dir().resolve(ServingDirectory.DEPLOYED) + " is missing");
        }
        if (d.eventId() != m.eventId()) {
            return MoveProof.unverified("DEPLOYED.json names event " + d.eventId() + ", not " + m.eventId()
                    + " (another move followed this one)");
        }
        if (!a.sha256().equals(d.sha256()) || !m.toVersion().equals(d.version())) {
            return MoveProof.unverified("DEPLOYED.json says " + d.version() + " " + short12(d.sha256()) + ", not "
                    + m.toVersion() + " " + short12(a.sha256()));
        }
        // the bytes hashed before the switch still have the same inode, size and mtime: no second full hash
        String bytes = catalog.artifacts().unchangedSinceHashed(a) ? null : catalog.artifacts().problemWith(a);
        if (bytes != null) {
            return MoveProof.unverified(m.toVersion() + ": " + bytes);
        }
        return new MoveProof(true, "current → " + short12(a.sha256()) + ", DEPLOYED.json names event " + m.eventId(),
                null);
    }

    /** Without a serving directory the catalog is the whole effect: a fresh read must show the move. */
    MoveProof catalogOnly(Move m) {
        return catalog.read(tx -> {
            TargetRow t = tx.targets().find(m.model(), m.target()).orElse(null);
            Long latest = t == null ? null : tx.events().latestMove(t.id()).map(e -> e.id()).orElse(null);
            if (t == null || !Objects.equals(m.toVersion(), t.versionLabel())) {
                return MoveProof.unverified("the catalog now says " + m.target() + " serves "
                        + (t == null ? "nothing" : t.versionLabel()));
            }
            if (!Objects.equals(latest, m.eventId())) {
                return MoveProof.unverified("event " + latest + " followed event " + m.eventId());
            }
            return new MoveProof(true, "the catalog points " + m.target() + " at " + m.toVersion() + " (event "
                    + m.eventId() + ")", null);
        });
    }

    static String short12(String sha) {
        return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }
}
