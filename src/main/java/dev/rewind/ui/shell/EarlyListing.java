package dev.rewind.ui.shell;

import dev.rewind.domain.ChangeFeed;
import dev.rewind.domain.ModelSummary;
import dev.rewind.service.Services;
import dev.rewind.ui.common.StartupTrace;
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

    /** The feed of changes, followed from before the models were read (no change made meanwhile goes unseen). */
    record Listing(ChangeFeed changes, List<ModelSummary> models) {
        public Listing {
            models = List.copyOf(models);
        }

        /** Reads the models of {@code s}, following its changes first. */
        public static Listing read(Services s) {
            ChangeFeed changes = s.watchChanges();
            try {
                List<ModelSummary> models = s.registry().models();
                StartupTrace.mark("models listed");
                return new Listing(changes, models);
            } catch (RuntimeException e) {
                changes.close();
                throw e;
            }
        }
    }
}
