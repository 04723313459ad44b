package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Artifact;
import dev.rewind.domain.ArtifactFile;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import dev.rewind.domain.VersionRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** From a reference ({@code fraud@production}, {@code fraud:1.2.0}, {@code fraud@latest}) to its artifact's path. */
public final class PathService {
    private final Catalog catalog;

    public PathService(Catalog catalog) {
        this.catalog = catalog;
    }

    /** What a reference resolved to: the version, the target it was read through (or null), and where its bytes are. */
    public record Resolved(Version version, String target, String path) {
    }

    /**
     * Resolves {@code ref}. Unknown model, target or label: bad input with a "did you mean"; nothing live on the
     * target, no versions, or a version without an artifact: refused.
     */
    public Resolved resolve(String ref) {
        List<VersionRef> readings = VersionRef.readings(ref);
        return catalog.read(tx -> {
            VersionRef r = readings.stream().filter(x -> tx.models().id(Names.normalize(x.model())).isPresent())
                    .findFirst().orElse(readings.get(0));
            Version v = version(tx, r);
            if (v.artifact() == null) {
                throw RewindException.refused("version " + v.label() + " of " + v.model() + " has no artifact");
            }
            String path = v.artifact().stored() ? catalog.artifacts().pathOf(v.artifact().sha256()).toString()
                    : v.artifact().uri();
            return new Resolved(v, r.kind() == VersionRef.Kind.TARGET ? r.name() : null, path);
        });
    }

    /** Where a stored artifact's copy is, and its files when it is a directory (empty for a single file). */
    public record StoredCopy(Path path, List<ArtifactFile> files) {
        public StoredCopy {
            files = List.copyOf(files);
        }
    }

    /**
     * The stored copy of {@code a}, its files listed from the directory's manifest (each file is hashed: slow for a
     * large directory, so call it off the UI thread); empty when the artifact is only referenced by URI.
     */
    public Optional<StoredCopy> storedCopy(Artifact a) {
        if (a == null || !a.stored()) {
            return Optional.empty();
        }
        Path p = catalog.artifacts().pathOf(a.sha256());
        try {
            return Optional.of(new StoredCopy(p, catalog.artifacts().files(a.sha256())));
        } catch (IOException e) {
            throw RewindException.refused("cannot read the stored copy " + p + ": " + e.getMessage());
        }
    }

    private static Version version(CatalogTx tx, VersionRef r) {
        Lookups.modelId(tx, r.model());
        return switch (r.kind()) {
            case LABEL -> Lookups.version(tx, r.model(), r.name());
            case LATEST -> {
                List<Version> all = tx.versions().light(Names.normalize(r.model()), Set.of());
                if (all.isEmpty()) {
                    throw RewindException.refused("model " + r.model() + " has no versions yet");
                }
                yield tx.versions().byIds(List.of(all.get(all.size() - 1).id())).get(0);
            }
            case TARGET -> {
                TargetRow t = Lookups.target(tx, r.model(), r.name());
                if (t.versionId() == null) {
                    throw RewindException.refused("nothing is live on " + t.name() + " of " + t.model());
                }
                yield tx.versions().byId(t.versionId()).orElseThrow();
            }
        };
    }
}
