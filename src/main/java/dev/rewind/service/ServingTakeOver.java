package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * After a catalog is copied, its serving dirs still point into the original's artifact store, which rule 6 of the
 * copy does not accept. A serving dir that serves exactly what both catalogs say (the live version's bytes, in the
 * original's store) is switched to the same bytes in the copy's store. Anything else is left alone for
 * {@code verify} to report: a damaged original must never steer a deployment.
 */
final class ServingTakeOver {
    private final Catalog copy;

    ServingTakeOver(Catalog copy) {
        this.copy = copy;
    }

    /** One line per serving dir switched or left as it was with the reason, taking over from {@code original}. */
    List<String> from(Catalog original) {
        List<String> lines = new ArrayList<>();
        ServingSync sync = new ServingSync(copy);
        for (TargetRow t : copy.read(tx -> tx.targets().all())) {
            if (t.servingDir() == null || t.versionId() == null) {
                continue;
            }
            Version live = copy.read(tx -> tx.versions().byId(t.versionId())).orElse(null);
            if (live == null || live.artifact() == null || !live.artifact().stored()) {
                continue;
            }
            Path link = new ServingDirectory(Path.of(t.servingDir())).observe().link();
            if (link == null || !link.equals(original.artifacts().pathOf(live.artifact().sha256()))
                    || copy.artifacts().quickProblem(live.artifact()) != null) {
                continue;
            }
            try {
                sync.sync(t.model(), t.name());
                lines.add(t.servingDir());
            } catch (RewindException e) {
                System.getLogger(ServingTakeOver.class.getName()).log(System.Logger.Level.DEBUG,
                        "taking over " + t.servingDir() + " failed", e);
            }
        }
        return lines;
    }
}
