package dev.rewind.catalog.sqlite;

import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates a new catalog file whole: it is built under a temporary name and linked into place only when its
 * schema is written, so no other process ever sees a 0-byte catalog (which is refused as a lost one).
 */
final class CatalogCreation {
    private static final System.Logger LOG = System.getLogger(CatalogCreation.class.getName());

    private CatalogCreation() {
    }

    static void create(Path file) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".creating-", ".tmp");
            Files.delete(tmp); // SQLite makes the file itself
            try (Connection c = Connections.open(tmp)) {
                Migrations.migrate(c, tmp);
            }
            try {
                Files.createLink(file, tmp); // fails, never replaces, when another process created it first
            } catch (FileAlreadyExistsException e) {
                // theirs is as new as ours
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.exists(file)) {
                    Files.move(tmp, file);
                }
            }
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another process
        } catch (IOException e) {
            throw RewindException.unreadable("cannot create catalog " + file + ": " + e.getMessage());
        } catch (SQLException e) {
            throw Errors.opening(file, e);
        } finally {
            if (tmp != null) {
                for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                    try {
                        Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + suffix));
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.DEBUG, "could not remove " + tmp + suffix, e);
                    }
                }
            }
        }
    }
}
