package dev.rewind.catalog.postgres;

import dev.rewind.domain.ReadOnlyCatalogException;
import dev.rewind.domain.RewindException;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns PostgreSQL failures into one-line messages that name the operation and the catalog (never a password). */
final class PgErrors {
    private PgErrors() {
    }

    /** Serialization failures and deadlocks: the transaction did nothing and may simply run again. */
    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /**
     * The connection is gone: the network failed, or the server ended the session (shut down, restarted, or an
     * administrator's pg_terminate_backend). A new connection may well work.
     */
    static boolean lost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57P0");
    }

    static RewindException opening(PgAddress address, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.startsWith("28") || "3D000".equals(state)) {
            // no connection, refused credentials, no such database
            return new RewindException(RewindException.CATALOG_UNREADABLE, "cannot open catalog " + address + ": "
                    + firstLine(e, address), e);
        }
        if ("42501".equals(state)) {
            // a role may use the catalog but not change its schema: an older one is brought up to date by its owner
            return new RewindException(RewindException.CATALOG_UNREADABLE, "cannot open catalog " + address
                    + ": its schema needs an upgrade that only its owner may make (open it once as the owner): "
                    + firstLine(e, address), e);
        }
        return new RewindException(RewindException.CATALOG_UNREADABLE, "cannot open catalog " + address
                + ": its schema is damaged (" + firstLine(e, address) + ")", e);
    }

    static RewindException wrap(String operation, PgAddress address, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (retryable(e)) {
            return RewindException.refused("could not " + operation + " " + address
                    + ": other writers kept conflicting with it; try again");
        }
        if ("42501".equals(state)) {
            return new RewindException(RewindException.REFUSED, "could not " + operation + " " + address + ": "
                    + refusal(e, address), e);
        }
        if ("25006".equals(state)) {
            return new ReadOnlyCatalogException(address.toString(), e);
        }
        if (lost(e)) {
            return new RewindException(RewindException.CATALOG_UNREADABLE, "could not " + operation + " " + address
                    + ": the connection to the server was lost (" + firstLine(e, address) + ")", e);
        }
        return new RewindException(RewindException.REFUSED, "could not " + operation + " " + address + ": "
                + firstLine(e, address), e);
    }

    /**
     * The connection was lost while COMMIT was on its way: the server may have committed or not, and only reading
     * the catalog again (once reconnected) tells which. Never reported as success, never as certainly not done.
     */
    static RewindException lostAtCommit(PgAddress address, SQLException e) {
        return new RewindException(RewindException.CATALOG_UNREADABLE, "could not confirm that the change to " + address
                + " was recorded: the connection to the server was lost while it was being committed, so it may or may"
                + " not have been; the history shows which once reconnected (" + firstLine(e, address) + ")", e);
    }

    /**
     * A refusal by the server, naming the role that would allow it: the catalog's own checks name it already;
     * for a missing grant the table says which role writes it.
     */
    static String refusal(SQLException e, PgAddress address) {
        String line = firstLine(e, address);
        if (line.startsWith("rewind: ")) {
            return line.substring("rewind: ".length());
        }
        Matcher m = DENIED_TABLE.matcher(line);
        String role = m.find() ? ROLE_OF_TABLE.getOrDefault(m.group(1), "rewind_editor") : "rewind_editor";
        return "the server refused it (" + line + "): it needs the PostgreSQL role " + role + ", which "
                + address.user() + " does not have";
    }

    private static final Pattern DENIED_TABLE = Pattern.compile("permission denied for (?:table|relation) (\\w+)");
    /** Which role writes a table (see PgRoles); every other table is the editor's. */
    private static final Map<String, String> ROLE_OF_TABLE = Map.of("targets", "rewind_deployer",
            "pending_switches", "rewind_deployer", "target_pointers", "rewind_deployer", "move_proofs", "rewind_deployer",
            "target_guards", "rewind_releaser", "target_checks", "rewind_releaser",
            "artifact_store", "rewind_releaser");

    /** The driver's message without its detail lines, and without the password should a server echo it. */
    static String firstLine(SQLException e, PgAddress address) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        String line = (nl < 0 ? m : m.substring(0, nl)).trim();
        if (line.startsWith("ERROR: ")) {
            line = line.substring("ERROR: ".length());
        }
        return address.password() == null || address.password().isEmpty() ? line
                : line.replace(address.password(), "***");
    }
}
