package dev.rewind.catalog.postgres;

import dev.rewind.catalog.ArtifactStore;
import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.EventSigner;
import dev.rewind.catalog.HeadFile;
import dev.rewind.catalog.sqlite.Dialect;
import dev.rewind.catalog.sqlite.SqlTx;
import dev.rewind.domain.Abilities;
import dev.rewind.domain.ReadOnlyCatalogException;
import dev.rewind.domain.RolesSetup;
import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A catalog on a PostgreSQL server, shared by a team. The repositories and their SQL are SQLite's ({@link SqlTx} in
 * {@link Dialect#POSTGRESQL}); what differs is how transactions run: writers take one advisory lock for their
 * transaction (the hash chain is a line, so appends are one at a time, as SQLite's BEGIN IMMEDIATE makes them),
 * a target read to be moved is locked ({@code SELECT … FOR UPDATE}) against writers going around Rewind, and a
 * serialization failure or deadlock is retried a few times before it is reported in one line.
 */
public final class PostgresCatalog implements Catalog {
    private static final System.Logger LOG = System.getLogger(PostgresCatalog.class.getName());
    static final int ATTEMPTS = 4;
    /** The triggers that keep rules 2 and 3 and the session-user actor inside the database. */
    static final List<String> REQUIRED_TRIGGERS = List.of("events_no_update", "events_no_delete",
            "events_no_truncate", "events_actor", "versions_identity_frozen", "versions_no_delete",
            "keys_no_update", "keys_no_delete");

    private final PgAddress address;
    private final Path location;
    private volatile ArtifactStore artifacts;
    /** Guard the connections, which are replaced by new ones when the server ended the old (a restart, a kill). */
    private final Object writeLock = new Object();
    private final Object readLock = new Object();
    private volatile Connection writer;
    private volatile Connection reader;
    private final EventSigner signer;
    private final String sessionUser;
    private final HeadFile head;
    /** Asked of the server once: a role granted while a window is open shows on the next open (the server decides). */
    private volatile Abilities abilities;

    private PostgresCatalog(PgAddress address, Path location, Connection writer, Connection reader,
                            EventSigner signer, String sessionUser) {
        this.address = address;
        this.location = location;
        this.writer = writer;
        this.reader = reader;
        this.signer = signer;
        this.sessionUser = sessionUser;
        this.head = new HeadFile(location);
        this.artifacts = store(recordedArtifacts().orElse(null));
    }

    /** The recorded shared store, else (none recorded) one of this machine's own beside its local folder. */
    private ArtifactStore store(Path recorded) {
        return recorded == null ? new ArtifactStore(location.resolveSibling("artifacts"))
                : ArtifactStore.recorded(recorded);
    }

    /**
     * Connects to the catalog at {@code address}, creating its schema in an empty database when {@code create};
     * {@code localRoot} holds, per catalog, what this machine keeps beside it (artifacts, serving dirs, head file).
     */
    public static PostgresCatalog open(PgAddress address, boolean create, EventSigner signer, Path localRoot) {
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connect(address);
            PgSchema.migrate(writer, address, create);
            reader = connect(address);
            return primed(new PostgresCatalog(address, local(address, localRoot), writer, reader, signer,
                    sessionUser(reader)));
        } catch (SQLException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw PgErrors.opening(address, e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw e;
        }
    }

    /** Connects only to read: nothing is created or migrated, and every write is refused. */
    public static PostgresCatalog openReadOnly(PgAddress address, EventSigner signer, Path localRoot) {
        Connection reader = null;
        try {
            reader = connect(address);
            try (Statement st = reader.createStatement()) {
                int version = PgSchema.version(st);
                if (version != PgSchema.CURRENT) {
                    closeQuietly(reader);
                    return open(address, false, signer, localRoot); // refuses, or migrates an older schema first
                }
            }
            return primed(new PostgresCatalog(address, local(address, localRoot), null, reader, signer,
                    sessionUser(reader)));
        } catch (SQLException e) {
            closeQuietly(reader);
            throw PgErrors.opening(address, e);
        }
    }

    /** Asks what this user may do while opening, so a window reading it later never waits for the server. */
    private static PostgresCatalog primed(PostgresCatalog catalog) {
        try {
            catalog.abilities();
            return catalog;
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
    }

    /** Whether {@code address} holds a Rewind catalog (false too when the server cannot be reached). */
    public static boolean exists(PgAddress address) {
        try (Connection c = connect(address); Statement st = c.createStatement()) {
            return PgSchema.version(st) > 0;
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "no catalog at " + address, e);
            return false;
        }
    }

    private static Connection connect(PgAddress address) throws SQLException {
        Connection c = DriverManager.getConnection(address.jdbcUrl(), address.properties());
        c.setAutoCommit(true); // Transactions below issue BEGIN/COMMIT themselves, as on SQLite
        return c;
    }

    private static String sessionUser(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT session_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Path local(PgAddress address, Path localRoot) {
        Path folder = address.localFolder(localRoot);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw RewindException.unreadable("cannot create " + folder + " for catalog " + address + ": "
                    + e.getMessage());
        }
        return folder.resolve("catalog");
    }

    public PgAddress address() {
        return address;
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public String describe() {
        return address.toString();
    }

    @Override
    public boolean writableByThisUser() {
        return true;
    }

    @Override
    public boolean readOnly() {
        return writer == null;
    }

    @Override
    public Abilities abilities() {
        Abilities known = abilities;
        if (known == null) {
            synchronized (reader) {
                try {
                    known = PgRoles.abilities(reader);
                } catch (SQLException e) {
                    throw PgErrors.wrap("ask what this user may do in", address, e);
                }
            }
            abilities = known;
        }
        return known;
    }

    @Override
    public RolesSetup initRoles() {
        if (writer == null) {
            throw new ReadOnlyCatalogException(address.toString());
        }
        synchronized (writer) {
            try {
                RolesSetup done = PgRoles.init(writer, address);
                abilities = null;
                return done;
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    throw RewindException.refused("cannot create the roles in " + address + ": "
                            + PgErrors.firstLine(e, address) + " (run it as the catalog's owner with CREATEROLE,"
                            + " or as a superuser)");
                }
                throw PgErrors.wrap("create the roles in", address, e);
            }
        }
    }

    @Override
    public ArtifactStore artifacts() {
        return artifacts;
    }

    @Override
    public java.util.Optional<Path> recordedArtifacts() {
        synchronized (readLock) {
            try (Statement st = reader.createStatement();
                 ResultSet rs = st.executeQuery("SELECT dir FROM artifact_store")) {
                return rs.next() ? java.util.Optional.of(Path.of(rs.getString(1))) : java.util.Optional.empty();
            } catch (SQLException e) {
                throw PgErrors.wrap("read where the artifact store lives in", address, e);
            }
        }
    }

    @Override
    public void recordArtifacts(Path dir) {
        if (writer == null) {
            throw new ReadOnlyCatalogException(address.toString());
        }
        synchronized (writeLock) {
            try (java.sql.PreparedStatement st = writer.prepareStatement("INSERT INTO artifact_store(dir) VALUES (?)"
                    + " ON CONFLICT (only_one) DO UPDATE SET dir = excluded.dir")) {
                st.setString(1, dir.toString());
                st.executeUpdate();
            } catch (SQLException e) {
                throw PgErrors.wrap("record where the artifact store lives in", address, e);
            }
        }
        artifacts = store(dir);
    }

    @Override
    public dev.rewind.catalog.TableCopy tables() {
        return new PgTableCopy(address, writer, reader);
    }

    @Override
    public Catalog separateReader() {
        try {
            Connection c = connect(address);
            return new PostgresCatalog(address, location, null, c, signer, sessionUser);
        } catch (SQLException e) {
            throw PgErrors.opening(address, e);
        }
    }

    @Override
    public <T> T read(Work<T> work) {
        synchronized (readLock) {
            try {
                return readOn(reader, work);
            } catch (RewindException e) {
                if (!lost(e)) {
                    throw e;
                }
                // a read changes nothing, so it runs again on a new connection; if there is none, that is the news
                LOG.log(System.Logger.Level.INFO, "reconnecting to " + address + " after: " + e.getMessage());
                reader = reconnect(reader);
                return readOn(reader, work);
            }
        }
    }

    private <T> T readOn(Connection c, Work<T> work) {
        return PgTransactions.read(c, new SqlTx(c, PgTransactions.NO_SIGNING, Dialect.POSTGRESQL, null, false),
                work, address);
    }

    private static boolean lost(RewindException e) {
        return e.getCause() instanceof SQLException s && PgErrors.lost(s);
    }

    private Connection reconnect(Connection old) {
        closeQuietly(old);
        try {
            return connect(address);
        } catch (SQLException e) {
            throw PgErrors.wrap("reconnect to", address, e);
        }
    }

    @Override
    public <T> T write(Work<T> work) {
        if (writer == null) {
            throw new ReadOnlyCatalogException(address.toString());
        }
        synchronized (writeLock) {
            PgTransactions.Done<T> done;
            try {
                done = writeOn(writer, work);
            } catch (PgTransactions.NotBegun e) {
                // the server ended the old connection before this transaction began: nothing of it was sent
                LOG.log(System.Logger.Level.INFO, "reconnecting to " + address + " after: " + e.report().getMessage());
                writer = reconnect(writer);
                try {
                    done = writeOn(writer, work);
                } catch (PgTransactions.NotBegun again) {
                    throw again.report();
                }
            }
            if (done.lastAppended() != null) {
                head.advance(read(r -> r.chain().info()).catalogId(), done.lastAppended());
            }
            return done.result();
        }
    }

    private <T> PgTransactions.Done<T> writeOn(Connection c, Work<T> work) {
        return PgTransactions.write(c, () -> new SqlTx(c, signer, Dialect.POSTGRESQL, sessionUser, true), work,
                address);
    }

    @Override
    public dev.rewind.domain.ChangeFeed watchChanges() {
        try {
            return PgChangeFeed.open(connect(address), address, this::writerPid);
        } catch (SQLException e) {
            throw PgErrors.wrap("follow changes to", address, e);
        }
    }

    /** The server process of this catalog's writer, whose own events the change feed leaves out; -1 for none. */
    private int writerPid() {
        Connection c = writer;
        if (c == null) {
            return -1;
        }
        try {
            return c.unwrap(org.postgresql.PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "no backend pid", e);
            return -1;
        }
    }

    @Override
    public long changeCounter() {
        synchronized (readLock) {
            try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                throw PgErrors.wrap("check the catalog for changes", address, e);
            }
        }
    }

    @Override
    public List<String> integrityCheck() {
        synchronized (readLock) {
            try {
                return safeguardsMissing(reader);
            } catch (SQLException e) {
                if (!PgErrors.lost(e)) {
                    return List.of("integrity: " + PgErrors.firstLine(e, address));
                }
                // a lost connection says nothing about the catalog: ask again on a new one
                reader = reconnect(reader);
                try {
                    return safeguardsMissing(reader);
                } catch (SQLException again) {
                    throw PgErrors.wrap("check", address, again);
                }
            }
        }
    }

    private static List<String> safeguardsMissing(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'")) {
            List<String> triggers = new ArrayList<>();
            while (rs.next()) {
                triggers.add(rs.getString(1));
            }
            for (String required : REQUIRED_TRIGGERS) {
                if (!triggers.contains(required)) {
                    problems.add("integrity: safeguard " + required + " was removed from the catalog,"
                            + " so history and versions can be rewritten");
                }
            }
        }
        return problems;
    }

    @Override
    public void close() {
        closeQuietly(reader);
        closeQuietly(writer);
    }

    static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a connection failed", e);
        }
    }
}
