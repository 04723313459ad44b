package dev.rewind.catalog;

import java.nio.file.Path;

/**
 * The port through which services reach stored state. Each call of {@link #read} or {@link #write} is one
 * transaction; a write either happens whole or not at all. Implementations: {@code sqlite.SqliteCatalog}
 * (a file) and {@code postgres.PostgresCatalog} (a server shared by a team).
 */
public interface Catalog extends AutoCloseable {

    /**
     * Where the catalog lives: its file, or for a server catalog the place on this machine that stands for it
     * (its artifacts, serving dirs and head file are kept beside it).
     */
    Path location();

    /** The catalog as people name it: its file, or its server address (never with a password). */
    default String describe() {
        return location().toString();
    }

    /**
     * Whether this user could open the catalog for writing: for a file, whether it and its folder are writable
     * (a server decides that itself, when a write is made).
     */
    default boolean writableByThisUser() {
        Path file = location();
        return java.nio.file.Files.isWritable(file) && file.getParent() != null
                && java.nio.file.Files.isWritable(file.getParent());
    }

    /** Whether this catalog was opened only for reading: every {@link #write} is refused. */
    default boolean readOnly() {
        return false;
    }

    /**
     * What the connected user may change. A file allows everything; a server answers with the same rule its grants
     * and checks enforce, so a refusal can be shown before it is tried.
     */
    default dev.rewind.domain.Abilities abilities() {
        return dev.rewind.domain.Abilities.EVERYTHING;
    }

    /** Creates the team roles and grants them this catalog; only a server catalog has roles. */
    default dev.rewind.domain.RolesSetup initRoles() {
        throw dev.rewind.domain.RewindException.refused("roles need a PostgreSQL catalog; " + describe()
                + " is a file, whose permissions decide who may change it");
    }

    /** The content-addressed artifact store that belongs to this catalog. */
    ArtifactStore artifacts();

    /** The catalog as whole tables, for copying it to another catalog. */
    default TableCopy tables() {
        throw new UnsupportedOperationException(describe() + " cannot be copied");
    }

    /**
     * Where this catalog records that its artifact store lives (a team's shared folder), or empty when the store
     * simply sits beside the catalog.
     */
    default java.util.Optional<Path> recordedArtifacts() {
        return java.util.Optional.empty();
    }

    /** Records where the artifact store lives; a catalog that keeps its store beside itself refuses. */
    default void recordArtifacts(Path dir) {
        throw dev.rewind.domain.RewindException.badInput("a catalog file keeps its artifacts beside it ("
                + artifacts().root() + "); only a PostgreSQL catalog records a shared artifact store");
    }

    /** Runs {@code work} in a read transaction that sees one consistent snapshot. */
    <T> T read(Work<T> work);

    /** Runs {@code work} in one write transaction, serialised with every other writer, committed durably. */
    <T> T write(Work<T> work);

    /**
     * A number that changes whenever another connection or process commits a change; cheap enough to poll.
     */
    long changeCounter();

    /**
     * Starts following changes committed elsewhere; every change after this returns is reported by the feed.
     * Backends that cannot push compare {@link #changeCounter()} each time they are asked.
     */
    default dev.rewind.domain.ChangeFeed watchChanges() {
        return new PollingChangeFeed(this::changeCounter);
    }

    /**
     * The same catalog for reading on a connection of its own, so long work (checking the whole history) never
     * holds up the short reads of a window; close it when done. Backends whose reads already run side by side
     * may return a view that shares them.
     */
    Catalog separateReader();

    /** Runs the storage engine's own integrity check; returns the problems found, empty when sound. */
    java.util.List<String> integrityCheck();

    @Override
    void close();

    /** Opens a catalog file; with {@code create}, a missing file becomes an empty catalog. */
    @FunctionalInterface
    interface Opener {
        Catalog open(Path path, boolean create);

        /** Opens an existing catalog only to read it; backends without a read-only mode open it normally. */
        default Catalog openReadOnly(Path path) {
            return open(path, false);
        }

        /** Whether a catalog is there already (opening with {@code create} would not make a new one). */
        default boolean exists(Path path) {
            return java.nio.file.Files.exists(path);
        }
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(CatalogTx tx);
    }
}
