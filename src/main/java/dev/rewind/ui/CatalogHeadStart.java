package dev.rewind.ui;

import dev.rewind.service.CatalogSessions;
import dev.rewind.service.OpenMode;
import dev.rewind.service.Services;
import dev.rewind.ui.model.EarlyModelRead;
import dev.rewind.ui.shell.EarlyListing;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Opens the catalog the window will open on a thread of its own while the toolkit starts, lists its models and
 * reads the first one's timeline, so the window's first open finds it opened and listed, and its first frame can
 * hold that timeline (start-up time). Any other open, and the first one if it asks for something else, opens as
 * usual.
 */
final class CatalogHeadStart implements BiFunction<Path, OpenMode, CatalogSessions.Opened>, EarlyListing {
    private static final System.Logger LOG = System.getLogger(CatalogHeadStart.class.getName());
    private final BiFunction<Path, OpenMode, CatalogSessions.Opened> opener;
    private final Path path;
    private final OpenMode mode;
    private final CompletableFuture<CatalogSessions.Opened> early = new CompletableFuture<>();
    private final CompletableFuture<EarlyListing.Listing> listing = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();
    private final AtomicBoolean listingTaken = new AtomicBoolean();
    private final CompletableFuture<Void> ahead = new CompletableFuture<>();

    private CatalogHeadStart(BiFunction<Path, OpenMode, CatalogSessions.Opened> opener, Path path, OpenMode mode) {
        this.opener = opener;
        this.path = path;
        this.mode = mode;
    }

    /** Starts opening {@code path} as the window will ({@code mode} null: the window asks first, nothing starts). */
    static CatalogHeadStart begin(BiFunction<Path, OpenMode, CatalogSessions.Opened> opener, Path path, OpenMode mode) {
        CatalogHeadStart h = new CatalogHeadStart(opener, path, mode);
        if (mode == null) {
            h.taken.set(true);
            return h;
        }
        Thread t = new Thread(() -> {
            try {
                h.ahead(path, mode);
            } finally {
                h.ahead.complete(null);
            }
        }, "open catalog early");
        t.setDaemon(true);
        t.start();
        return h;
    }

    private void ahead(Path p, OpenMode m) {
        CatalogSessions.Opened opened;
        try {
            opened = opener.apply(p, m);
        } catch (Throwable e) { // handed to the window's open, which reports it
            early.completeExceptionally(e);
            listing.completeExceptionally(e);
            return;
        }
        early.complete(opened);
        EarlyModelRead first;
        try {
            EarlyListing.Listing l = EarlyListing.Listing.read(opened.services());
            // the model the window selects first (the list's first): its timeline is read next, here
            first = l.models().isEmpty() ? null : EarlyModelRead.of(opened.services(), l.models().get(0).name());
            listing.complete(l.withFirst(first));
        } catch (Throwable e) { // the window lists them itself, and reports what fails then
            LOG.log(System.Logger.Level.DEBUG, "listing the models of " + p + " ahead of the window failed", e);
            listing.completeExceptionally(e);
            return;
        }
        if (first != null) {
            first.run(Clock.systemUTC(), CatalogHeadStart::onThreadOfItsOwn);
        }
    }

    private static void onThreadOfItsOwn(Runnable part) {
        Thread t = new Thread(part, "read first model early");
        t.setDaemon(true);
        t.start();
    }

    /** Done when all this opener does ahead of the window is done (tests wait on it). */
    CompletableFuture<Void> aheadDone() {
        return ahead;
    }

    /** How the window opens the catalog at once, or null when it asks first (no such file). */
    OpenMode mode() {
        return mode;
    }

    @Override
    public CatalogSessions.Opened apply(Path p, OpenMode m) {
        if (!p.equals(path) || m != mode || !taken.compareAndSet(false, true)) {
            return opener.apply(p, m);
        }
        try {
            return early.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public Optional<EarlyListing.Listing> takeListing(Services services) {
        boolean ours = early.isDone() && !early.isCompletedExceptionally() && early.join().services() == services;
        if (!ours || !listingTaken.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            return Optional.of(listing.join());
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }

    /** Closes the early catalog if the window never took it (it closed first, or opened something else). */
    void discard() {
        if (listingTaken.compareAndSet(false, true)) {
            listing.thenAccept(l -> l.changes().close()).exceptionally(t -> {
                LOG.log(System.Logger.Level.DEBUG, "the early listing of " + path + " was not needed", t);
                return null;
            });
        }
        if (taken.compareAndSet(false, true)) {
            early.thenAccept(o -> o.services().close()).exceptionally(t -> {
                LOG.log(System.Logger.Level.DEBUG, "the early open of " + path + " failed, and was not needed", t);
                return null;
            });
        }
    }
}
