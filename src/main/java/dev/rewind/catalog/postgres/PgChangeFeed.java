package dev.rewind.catalog.postgres;

import dev.rewind.domain.ChangeFeed;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Follows a server catalog on a connection of its own that LISTENs to {@code rewind_events}, which a trigger
 * notifies at the commit of every event (P2__notify.sql): the watcher waits on the socket instead of asking the
 * database. Events this catalog's own writer appended are left out (the window reloads after its own moves).
 */
final class PgChangeFeed implements ChangeFeed {
    static final String CHANNEL = "rewind_events";

    private final Connection listener;
    private final PgAddress address;
    private final IntSupplier ownWriter;

    private PgChangeFeed(Connection listener, PgAddress address, IntSupplier ownWriter) {
        this.listener = listener;
        this.address = address;
        this.ownWriter = ownWriter;
    }

    /** Listens from now on: a change committed after this returns is reported. */
    static PgChangeFeed open(Connection listener, PgAddress address, IntSupplier ownWriter) throws SQLException {
        try {
            PgTransactions.exec(listener, "LISTEN " + CHANNEL);
            return new PgChangeFeed(listener, address, ownWriter);
        } catch (SQLException e) {
            PostgresCatalog.closeQuietly(listener);
            throw e;
        }
    }

    @Override
    public boolean await(Duration timeout) {
        try {
            // 0 would mean "wait forever"; a bounded wait lets close() and the caller's loop stay prompt
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications(millis);
            if (got == null) {
                return false;
            }
            int own = ownWriter.getAsInt();
            for (PGNotification n : got) {
                if (n.getPID() != own) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw PgErrors.wrap("follow changes to", address, e);
        }
    }

    @Override
    public boolean pushes() {
        return true;
    }

    @Override
    public void close() {
        PostgresCatalog.closeQuietly(listener);
    }
}
