package dev.rewind.ui.shell;

import dev.rewind.domain.ChangeFeed;
import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.ReadOnlyCatalogException;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.OpenMode;
import dev.rewind.service.ServerLogin;
import dev.rewind.service.Services;
import dev.rewind.ui.common.TaskExecutor;
import dev.rewind.ui.learn.SandboxHost;
import dev.rewind.ui.model.EarlyModelRead;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which catalog the window shows: opening one in the background (a newer open wins over an older one still
 * running), closing the one it replaces, and Learn mode's swap to a sandbox catalog and back.
 */
final class CatalogLifecycle implements SandboxHost {
    private static final System.Logger LOG = System.getLogger(CatalogLifecycle.class.getName());

    /**
     * A catalog just opened: its services, its models, the feed of changes made elsewhere since they were read,
     * whether the first-start demo was created now, what opening it repaired or could not repair, and the read of
     * its first model started ahead of the window (or null).
     */
    record Opened(Services services, List<ModelSummary> models, ChangeFeed changes, boolean fresh,
                  List<CatalogSessions.Note> notes, EarlyModelRead first) {
    }

    private final TaskExecutor tasks;
    private final BiFunction<Path, OpenMode, CatalogSessions.Opened> opener;
    private final ModelListViewModel list;
    private final LiveRefresh live;
    private final Consumer<Opened> afterSwap;
    private volatile Services services;
    private final ReadOnlyBooleanWrapper sandbox = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper catalogPath = new ReadOnlyStringWrapper("");
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private Path userCatalog;
    /** The path or address the shown catalog was opened by (a server's location() is only its local folder). */
    private Path shownPath;
    private String userModel;
    private long openGeneration;

    /** {@code afterSwap} runs on the UI thread each time a catalog is shown (in place of the one before, if any). */
    CatalogLifecycle(TaskExecutor tasks, BiFunction<Path, OpenMode, CatalogSessions.Opened> opener, ModelListViewModel list,
                     LiveRefresh live, Consumer<Opened> afterSwap) {
        this.tasks = tasks;
        this.opener = opener;
        this.list = list;
        this.live = live;
        this.afterSwap = afterSwap;
    }

    void open(Path path, OpenMode mode) {
        sandbox.set(false); // opening another catalog ends Learn mode
        userCatalog = null;
        load(path, mode, null, null, () -> { }, t -> { });
    }

    @Override
    public void openSandbox(Path db, Consumer<Services> fill, Runnable onOpen, Consumer<Throwable> onFail) {
        boolean first = !sandbox.get();
        if (first) {
            userCatalog = services == null ? null : shownPath;
            userModel = list.selectedName();
            sandbox.set(true);
        }
        load(db, OpenMode.CREATE_EMPTY, fill, null, onOpen, t -> {
            if (first) { // the person's catalog is still the open one
                sandbox.set(false);
                userCatalog = null;
            }
            onFail.accept(t);
        });
    }

    @Override
    public void leaveSandbox() {
        if (!sandbox.get()) {
            return;
        }
        sandbox.set(false);
        Path back = userCatalog;
        userCatalog = null;
        if (back != null) {
            // the person's catalog is only read: nothing here writes to it
            load(back, OpenMode.EXISTING, null, userModel, () -> { }, t -> { });
        }
    }

    @Override
    public ReadOnlyBooleanProperty sandboxProperty() {
        return sandbox.getReadOnlyProperty();
    }

    private void load(Path path, OpenMode mode, Consumer<Services> fill, String prefer, Runnable onOpen,
                      Consumer<Throwable> onFail) {
        long generation = ++openGeneration;
        boolean isSandbox = sandbox.get();
        list.opening(path);
        tasks.run("Open catalog", () -> {
            CatalogSessions.Opened session = openWritableElseReadOnly(path, mode);
            Services s = session.services();
            try {
                if (fill != null) {
                    fill.accept(s);
                }
                EarlyListing.Listing listing = early(s, fill).orElseGet(() -> EarlyListing.Listing.read(s));
                return new Opened(s, listing.models(), listing.changes(),
                        session.created() && mode == OpenMode.DEMO_IF_MISSING, session.notes(), listing.first());
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }, opened -> {
            if (generation != openGeneration) {
                closeLater(opened.services(), opened.changes()); // a newer open won meanwhile
                return;
            }
            show(opened, path, isSandbox, prefer);
            onOpen.run();
        }, t -> {
            if (generation == openGeneration) {
                list.fail(t);
                onFail.accept(t);
            }
        });
    }

    /** What the opener listed for {@code s} while it opened ahead of the window, if it did (a filled one: never). */
    private Optional<EarlyListing.Listing> early(Services s, Consumer<Services> fill) {
        return fill == null && opener instanceof EarlyListing e ? e.takeListing(s) : Optional.empty();
    }

    /** A catalog this user cannot write is still shown, read-only (the window says so and offers no changes). */
    private CatalogSessions.Opened openWritableElseReadOnly(Path path, OpenMode mode) {
        try {
            return opener.apply(path, mode);
        } catch (ReadOnlyCatalogException e) {
            LOG.log(System.Logger.Level.INFO, "opening " + path + " read-only: " + e.getMessage());
            return opener.apply(path, OpenMode.READ_ONLY);
        }
    }

    private void show(Opened opened, Path path, boolean isSandbox, String prefer) {
        Services old = services;
        services = opened.services();
        shownPath = path;
        if (old != null && old != services) {
            closeLater(old);
        }
        String location = services.describe(); // a file's path; a server's address, never with a password
        if (isSandbox) {
            catalogPath.set("Learn sandbox (temporary): " + location);
        } else {
            catalogPath.set(location);
            // a server is listed as it reopens (its sslmode kept), without a password the address may have held
            String again = ServerLogin.isAddress(path.toString()) ? ServerLogin.withoutPassword(path.toString())
                    : location;
            recent.remove(again);
            recent.add(0, again);
        }
        list.showOpened(opened.models(), prefer, opened.first());
        live.watch(services, opened.changes());
        afterSwap.accept(opened);
    }

    private void closeLater(Services s) {
        closeLater(s, null);
    }

    private void closeLater(Services s, ChangeFeed changes) {
        tasks.run("Close catalog", () -> {
            if (changes != null) {
                changes.close();
            }
            s.close();
            return null;
        }, x -> { }, t -> LOG.log(System.Logger.Level.WARNING, "could not close a catalog", t));
    }

    /** Closes the open catalog at once (the window is closing). */
    void close() {
        Services s = services;
        services = null;
        if (s != null) {
            s.close();
        }
    }

    /** The open catalog's services; null before the first open. */
    Services services() {
        return services;
    }

    ReadOnlyStringProperty catalogPathProperty() {
        return catalogPath.getReadOnlyProperty();
    }

    ObservableList<String> recent() {
        return recent;
    }
}
