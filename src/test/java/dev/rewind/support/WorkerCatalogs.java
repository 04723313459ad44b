package dev.rewind.support;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.Keyring;
import dev.rewind.catalog.postgres.PgAddress;
import dev.rewind.catalog.postgres.PostgresCatalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import java.nio.file.Path;
import java.util.Map;

/** How a child JVM of a test opens the catalog it was given: a SQLite file or a {@code postgresql://} address. */
public final class WorkerCatalogs {
    private WorkerCatalogs() {
    }

    /** Opens an existing catalog; {@code localDir} is what a PostgreSQL catalog keeps beside it on this machine. */
    public static Catalog open(String address, Path localDir) {
        if (address.startsWith("postgresql://")) {
            return PostgresCatalog.open(PgAddress.parse(address, Map.of()), false, new Keyring(Keyring.defaultDir()),
                    localDir);
        }
        return SqliteCatalog.open(Path.of(address), false);
    }
}
