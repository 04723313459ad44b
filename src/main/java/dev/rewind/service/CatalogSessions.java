package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.RewindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way the CLI and the window open a catalog: open (or create) the file, fill a first-start demo, and
 * finish any serving-dir switch a crash interrupted (rule 6), reporting what was repaired and what could not be.
 */
public final class CatalogSessions {
    private static final System.Logger LOG = System.getLogger(CatalogSessions.class.getName());

    /** Something opening did or could not do, in one line. */
    public record Note(Kind kind, String text) {
        public enum Kind { REPAIRED, WARNING }
    }

    /** An open catalog, what opening it noted, and whether the file was created just now. */
    public record Opened(Services services, List<Note> notes, boolean created) {
        public Opened {
            notes = List.copyOf(notes);
        }
    }

    private final Catalog.Opener opener;
    private final Actor actor;
    private final Clock clock;

    public CatalogSessions(Catalog.Opener opener, Actor actor, Clock clock) {
        this.opener = opener;
        this.actor = actor;
        this.clock = clock;
    }

    public Opened open(Path path, OpenMode mode) {
        if (mode == OpenMode.INSPECT) {
            return new Opened(new Services(opener.openReadOnly(path), actor, clock), List.of(), false);
        }
        if (mode == OpenMode.READ_ONLY) {
            Opened read = openReadOnly(path);
            if (read != null) {
                return read;
            }
            mode = OpenMode.EXISTING;
        }
        boolean created = mode.creates() && !opener.exists(path);
        Services s = new Services(opener.open(path, mode.creates()), actor, clock);
        try {
            if (created && mode == OpenMode.DEMO_IF_MISSING) {
                s.demo().create(DemoService.Scale.SMALL, 42);
            }
            return new Opened(s, mode == OpenMode.AS_IS ? List.of() : finishInterruptedSwitches(s), created);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A read-only session, or null when a pending switch needs finishing and the catalog can be written. */
    private Opened openReadOnly(Path path) {
        Catalog catalog = opener.openReadOnly(path);
        try {
            if (catalog.read(tx -> tx.events().pendingSwitches()).isEmpty()) {
                return new Opened(new Services(catalog, actor, clock), List.of(), false);
            }
            if (catalog.writableByThisUser()) {
                catalog.close();
                return null;
            }
            return new Opened(new Services(catalog, actor, clock), List.of(new Note(Note.Kind.WARNING,
                    "a serving-dir switch was interrupted and this user cannot write the catalog to finish it;"
                            + " run 'rewind verify --repair' as a user who can")), false);
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
    }

    /** An unwritable serving dir must not stop the catalog from opening: it becomes a warning (verify reports it). */
    private static List<Note> finishInterruptedSwitches(Services s) {
        List<Note> notes = new ArrayList<>();
        try {
            for (String line : s.deployments().finishPendingSwitches()) {
                notes.add(new Note(Note.Kind.REPAIRED, line));
            }
        } catch (RewindException e) {
            LOG.log(System.Logger.Level.DEBUG, "finishing interrupted switches failed", e);
            notes.add(new Note(Note.Kind.WARNING, e.getMessage()));
        }
        return notes;
    }
}
