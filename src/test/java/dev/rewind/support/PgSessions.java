package dev.rewind.support;

import java.nio.file.Path;

/** What an administrator (or a server restart) does to a catalog's clients: ends every session of its database. */
public final class PgSessions {
    private PgSessions() {
    }

    /** pg_terminate_backend of every other session on the catalog of {@code dir}; returns once they are gone. */
    public static void killAll(CatalogBackend pg, Path dir) throws Exception {
        pg.one(dir, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        for (int i = 0; i < 250; i++) {
            if ("0".equals(pg.one(dir, "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the catalog's sessions are still alive");
    }
}
