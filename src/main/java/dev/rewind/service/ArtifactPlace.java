package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.RewindException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a catalog's artifact store lives. A catalog file keeps it beside itself; a team catalog on a server records
 * a folder every client reaches at the same path (a shared mount), or without one each client keeps its own.
 */
public final class ArtifactPlace {
    /** The store's folder, whether the catalog records it (shared), and why it cannot be used (null when it can). */
    public record Where(Path dir, boolean recorded, String problem) {
    }

    private final Catalog catalog;

    ArtifactPlace(Catalog catalog) {
        this.catalog = catalog;
    }

    public Where where() {
        return new Where(catalog.artifacts().root(), catalog.artifacts().isRecorded(),
                catalog.artifacts().unreachable());
    }

    /**
     * Records {@code dir} as the store; it must be an existing folder this user can write, so a mistyped path is
     * not recorded for the whole team. Artifacts stored before stay where they were (copy them over, e.g. rsync).
     */
    public Where record(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw RewindException.badInput("the artifact store " + abs + " is not a folder (create it, or mount the"
                    + " shared one, first)");
        }
        if (!Files.isWritable(abs)) {
            throw RewindException.badInput("the artifact store " + abs + " cannot be written by this user");
        }
        catalog.recordArtifacts(abs);
        return where();
    }
}
