package dev.rewind.catalog.sqlite;

import dev.rewind.catalog.ArtifactStore;
import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.EventSigner;
import dev.rewind.catalog.HeadFile;
import dev.rewind.catalog.Keyring;
import dev.rewind.domain.ReadOnlyCatalogException;
import dev.rewind.domain.RewindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The SQLite catalog: one file, a writer connection (BEGIN IMMEDIATE) and a reader connection (snapshots). */
public final class SqliteCatalog implements Catalog {
    /** The triggers that enforce rules 2 and 3 inside the database. */
    private static final List<String> REQUIRED_TRIGGERS = List.of("events_no_update", "events_no_delete",
            "versions_identity_frozen", "versions_no_delete", "keys_no_update", "keys_no_delete");

    private final Path file;
    private final ArtifactStore artifacts;
    private final Connection writer;
    private final Connection reader;
    private final Readers readers;
    private final EventSigner signer;
    private final HeadFile head;

    private SqliteCatalog(Path file, Connection writer, Connection reader, EventSigner signer) {
        this.file = file;
        this.artifacts = new ArtifactStore(file.resolveSibling("artifacts"));
        this.writer = writer;
        this.reader = reader;
        // a second reader opens as the first did: read-write where the first is, else read-only
        this.readers = new Readers(reader, writer == null
                ? () -> Connections.readOnly(file) : () -> Connections.open(file));
        this.signer = signer;
        this.head = new HeadFile(file);
    }

    /** As {@link #open(Path, boolean, EventSigner)}, signing with the keys in {@link Keyring#defaultDir()}. */
    public static SqliteCatalog open(Path path, boolean create) {
        return open(path, create, new Keyring(Keyring.defaultDir()));
    }

    /**
     * Opens a catalog file, creating it when {@code create} is set and it does not exist. A file that is not
     * a Rewind catalog, is damaged, or was written by a newer Rewind is refused before anything is written.
     */
    public static SqliteCatalog open(Path path, boolean create, EventSigner signer) {
        Path file = path.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw RewindException.unreadable("cannot open catalog " + file + ": the folder " + dir + " does not exist");
        }
        boolean exists = Files.exists(file);
        if (!exists && !create) {
            throw RewindException.unreadable("no catalog at " + file
                    + " (create one with 'rewind init' or 'rewind demo')");
        }
        if (exists) {
            CatalogFileCheck.check(file);
            if (!Files.isWritable(file) || !Files.isWritable(dir)) {
                // SQLite would fail later and less clearly (CANTOPEN for the -wal, or READONLY mid-change)
                throw new ReadOnlyCatalogException(file.toString());
            }
        } else {
            CatalogCreation.create(file);
        }
        Connection writer = null;
        try {
            writer = Connections.open(file);
            Migrations.migrate(writer, file);
            Indexes.ensure(writer);
            Connection reader = Connections.open(file);
            SqliteCatalog catalog = new SqliteCatalog(file, writer, reader, signer);
            catalog.artifacts.removeAbandonedCopies();
            return catalog;
        } catch (SQLException e) {
            Connections.closeQuietly(writer);
            throw Errors.opening(file, e);
        } catch (RuntimeException e) {
            Connections.closeQuietly(writer);
            throw e;
        }
    }

    /**
     * Opens an existing catalog for reading only: nothing is migrated, repaired or cleaned, and no
     * {@code -wal}/{@code -shm} file is left behind; writing through it is refused.
     */
    public static SqliteCatalog openReadOnly(Path path) {
        return openReadOnly(path, new Keyring(Keyring.defaultDir()));
    }

    /** As {@link #openReadOnly(Path)}; {@code signer} signs only the upgrade of an older catalog. */
    public static SqliteCatalog openReadOnly(Path path, EventSigner signer) {
        Path file = path.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw RewindException.unreadable("no catalog at " + file
                    + " (create one with 'rewind init' or 'rewind demo')");
        }
        CatalogFileCheck.check(file);
        try {
            Connection reader = Connections.readOnly(file);
            try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                if (rs.next() && rs.getInt(1) < Migrations.CURRENT) {
                    Connections.closeQuietly(reader);
                    // an older catalog needs its upgrade written first; the ordinary open does that
                    return open(file, false, signer);
                }
            }
            return new SqliteCatalog(file, null, reader, signer);
        } catch (SQLException e) {
            throw Errors.opening(file, e);
        }
    }

    /** Catalog.Opener for the composition roots: read-only opens go to {@link #openReadOnly}. */
    public static Catalog.Opener opener() {
        return opener(new Keyring(Keyring.defaultDir()));
    }

    /** As {@link #opener()}, signing with {@code signer}'s keys. */
    public static Catalog.Opener opener(EventSigner signer) {
        return new Catalog.Opener() {
            @Override
            public Catalog open(Path path, boolean create) {
                return SqliteCatalog.open(path, create, signer);
            }

            @Override
            public Catalog openReadOnly(Path path) {
                return SqliteCatalog.openReadOnly(path, signer);
            }
        };
    }

    @Override
    public Path location() {
        return file;
    }

    @Override
    public boolean readOnly() {
        return writer == null;
    }

    @Override
    public ArtifactStore artifacts() {
        return artifacts;
    }

    @Override
    public dev.rewind.catalog.TableCopy tables() {
        return new SqliteTableCopy(file, writer, reader);
    }

    @Override
    public SqliteCatalog separateReader() {
        try {
            return new SqliteCatalog(file, null, Connections.readOnly(file), signer);
        } catch (SQLException e) {
            throw Errors.opening(file, e);
        }
    }

    @Override
    public <T> T read(Work<T> work) {
        try {
            return readers.read(c -> Transactions.run(c, Transactions.BEGIN_READ, work, "read the catalog", file));
        } catch (SQLException e) {
            throw Errors.opening(file, e);
        }
    }

    @Override
    public <T> T write(Work<T> work) {
        if (writer == null) {
            throw new ReadOnlyCatalogException(file.toString());
        }
        synchronized (writer) {
            SqlTx tx = new SqlTx(writer, signer);
            T result = Transactions.run(writer, Transactions.BEGIN_WRITE, tx, work, "write to the catalog", file);
            if (tx.lastAppended() != null) {
                head.advance(read(r -> r.chain().info()).catalogId(), tx.lastAppended());
            }
            Connections.checkpoint(writer, file);
            return result;
        }
    }

    @Override
    public long changeCounter() {
        synchronized (reader) {
            try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("PRAGMA data_version")) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                throw Errors.wrap("check the catalog for changes", file, e);
            }
        }
    }

    @Override
    public List<String> integrityCheck() {
        synchronized (reader) {
            List<String> problems = new ArrayList<>();
            try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equals(line)) {
                        problems.add("integrity: " + line);
                    }
                }
                List<String> triggers = new ArrayList<>();
                try (ResultSet tr = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                    while (tr.next()) {
                        triggers.add(tr.getString(1));
                    }
                }
                for (String required : REQUIRED_TRIGGERS) {
                    if (!triggers.contains(required)) {
                        problems.add("integrity: safeguard " + required + " was removed from the catalog,"
                                + " so history and versions can be rewritten");
                    }
                }
                try (ResultSet fk = st.executeQuery("PRAGMA foreign_key_check")) {
                    while (fk.next()) {
                        problems.add("integrity: row " + fk.getLong(2) + " of " + fk.getString(1)
                                + " refers to a missing row of " + fk.getString(3));
                    }
                }
            } catch (SQLException e) {
                problems.add("integrity: " + e.getMessage());
            }
            return problems;
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            Connections.checkpoint(writer, file); // another process may keep the WAL open past our close
        }
        readers.close();
        Connections.closeQuietly(writer);
    }
}
