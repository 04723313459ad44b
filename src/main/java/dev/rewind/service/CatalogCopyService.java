package dev.rewind.service;

import dev.rewind.catalog.ArtifactCopy;
import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.ChainHead;
import dev.rewind.catalog.HeadFile;
import dev.rewind.catalog.TableCopy;
import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code rewind catalog copy FROM TO}: a whole catalog into another backend (a file into a team's server and back).
 * Rows keep their ids, hashes and signatures and the chain keeps its identity, so {@code verify} on the copy says
 * what it says on the original: a damaged or tampered original is copied as it is, never repaired or hidden (its
 * head file goes along, so even deleted newest events stay noticed). Only an empty catalog is written to, in one
 * transaction; the stored artifacts follow into the destination's store, and the serving dirs that serve what the
 * catalog says are switched to the same bytes there (the copy takes over; {@code verify --repair} on the original
 * takes them back).
 */
public final class CatalogCopyService {
    /** Told about each table of at least {@code progressRows} rows before it is copied. */
    @FunctionalInterface
    public interface Progress {
        void table(String name, long rows);
    }

    /**
     * What was copied: rows in all, artifacts copied, artifacts the source's store did not have, and the serving dirs
     * the copy now serves from its own store.
     */
    public record Report(String from, String to, long rows, int artifactsCopied, List<String> artifactsMissing,
                         List<String> servingDirs) {
        public Report {
            artifactsMissing = List.copyOf(artifactsMissing);
            servingDirs = List.copyOf(servingDirs);
        }
    }

    private final Catalog.Opener opener;
    private final long progressRows;

    public CatalogCopyService(Catalog.Opener opener, long progressRows) {
        this.opener = opener;
        this.progressRows = progressRows;
    }

    /**
     * Copies {@code from} into {@code to} (made when missing). A team catalog's artifacts go to the store it records:
     * create it with {@code init --artifacts DIR} first to copy them straight into a shared folder.
     */
    public Report copy(Path from, Path to, Progress progress) {
        try (Catalog source = opener.openReadOnly(from)) {
            refuseUnlessEmpty(to);
            try (Catalog dest = opener.open(to, true)) {
                if (dest.location().equals(source.location())) {
                    throw RewindException.badInput("cannot copy " + from + " onto itself");
                }
                String down = dest.artifacts().unreachable();
                if (down != null) {
                    throw RewindException.refused("cannot copy into " + dest.describe() + ": " + down);
                }
                ChainWatch watch = new ChainWatch(progress, progressRows);
                dest.tables().writeAll(rows -> source.tables().readAll(watch.around(rows)));
                copyHead(source, dest, watch);
                Report r = copyArtifacts(source, dest, watch.artifacts(), watch.rows());
                return new Report(source.describe(), dest.describe(), r.rows(), r.artifactsCopied(),
                        r.artifactsMissing(), new ServingTakeOver(dest).from(source));
            }
        }
    }

    /** Looks without writing (a file refused stays byte for byte as it was). */
    private void refuseUnlessEmpty(Path to) {
        if (!opener.exists(to)) {
            return;
        }
        try (Catalog existing = opener.openReadOnly(to)) {
            if (!existing.tables().isEmpty()) {
                throw RewindException.refused("cannot copy into " + existing.describe()
                        + ": it already holds a catalog (copy into a new or empty one)");
            }
        }
    }

    /** The source's head file if it witnesses this chain (it may name events deleted since), else the newest event. */
    private static void copyHead(Catalog source, Catalog dest, ChainWatch watch) {
        if (watch.catalogId() == null) {
            return;
        }
        Optional<ChainHead> head = new HeadFile(source.location()).read()
                .filter(h -> h.catalogId().equals(watch.catalogId()));
        ChainHead h = head.orElse(watch.newest());
        if (h != null) {
            new HeadFile(dest.location()).write(h);
        }
    }

    private static Report copyArtifacts(Catalog source, Catalog dest, TreeSet<String> shas, long rows) {
        int copied = 0;
        List<String> missing = new java.util.ArrayList<>();
        for (String sha : shas) {
            try {
                switch (ArtifactCopy.copy(source.artifacts(), dest.artifacts(), sha)) {
                    case COPIED -> copied++;
                    case NOT_IN_SOURCE -> missing.add(sha);
                    case ALREADY_THERE -> { }
                }
            } catch (IOException e) {
                throw RewindException.refused("copied the catalog into " + dest.describe() + " but not artifact "
                        + sha + " into " + dest.artifacts().root() + ": " + e.getMessage() + " (run the copy of"
                        + " the artifact store again, e.g. with rsync)");
            }
        }
        return new Report(source.describe(), dest.describe(), rows, copied, missing, List.of());
    }
}
