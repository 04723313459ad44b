package dev.rewind.ui.shell;

import dev.rewind.domain.ChangeFeed;
import dev.rewind.domain.ModelSummary;
import dev.rewind.service.Services;
import dev.rewind.ui.common.StartupTrace;
import dev.rewind.ui.model.EarlyModelRead;
import java.util.List;
import java.util.Optional;

/**
 * An opener that may also have listed the models of a catalog it opened ahead of the window (start-up time: the
 * list is read while the toolkit starts and the window is built, not after).
 */
public interface EarlyListing {
    /**
     * The listing made for {@code services} right after opening it, waiting for it if it is still being read; empty
     * if this opener made none for them (or it failed): the caller lists them itself. Given once.
     */
    Optional<Listing> takeListing(Services services);

    /**
     * The feed of changes, followed from before the models were read (no change made meanwhile goes unseen); and
     * the read of the first model, started ahead of the window, or null.
     */
    record Listing(ChangeFeed changes, List<ModelSummary> models, EarlyModelRead first) {
        public Listing {
            models = List.copyOf(models);
        }

        /** The same listing with the first model's read ahead of the window. */
        public Listing withFirst(EarlyModelRead read) {
            return new Listing(changes, models, read);
        }

        /** Reads the models of {@code s}, following its changes first. */
        public static Listing read(Services s) {
            ChangeFeed changes = s.watchChanges();
            try {
                List<ModelSummary> models = s.registry().models();
                StartupTrace.mark("models listed");
                return new Listing(changes, models, null);
            } catch (RuntimeException e) {
                changes.close();
                throw e;
            }
        }
    }
}
