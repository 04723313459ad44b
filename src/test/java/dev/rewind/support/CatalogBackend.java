package dev.rewind.support;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.Keyring;
import dev.rewind.catalog.postgres.PgAddress;
import dev.rewind.catalog.postgres.PostgresCatalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/**
 * Where a contract test keeps its catalog: a SQLite file in the test's folder, or a database of its own on the
 * throwaway PostgreSQL server ({@link PgSandbox}). Tests take one as a parameter ({@link Both}) and run unchanged on
 * either; on a machine without PostgreSQL its runs are skipped.
 */
public abstract class CatalogBackend {
    /** The catalog of the test folder {@code dir}: the same catalog each time it is opened for that folder. */
    public abstract Catalog open(Path dir, boolean create);

    /** What {@code --catalog} names the catalog of {@code dir} by: its file, or its server address. */
    public abstract String address(Path dir);

    /** Runs SQL directly on the catalog of {@code dir}, going around Rewind (as a colleague's client might). */
    public abstract void sql(Path dir, String... statements) throws SQLException;

    /** Every row of every table of the catalog of {@code dir}, as text: equal dumps mean nothing changed. */
    public abstract String dump(Path dir) throws SQLException;

    /** Marks the catalog of {@code dir} as written by a Rewind whose schema is {@code version}. */
    public abstract void setSchemaVersion(Path dir, int version) throws SQLException;

    /** The first column of the first row {@code query} gives on the catalog of {@code dir}, as text; null for none. */
    public abstract String one(Path dir, String query) throws SQLException;

    /** Runs SQL with the database's safeguards (triggers) out of the way, as an attacker with full access could. */
    public abstract void tamper(Path dir, String... statements) throws SQLException;

    public static CatalogBackend sqlite() {
        return sqlite("catalog.db");
    }

    /** A SQLite catalog named {@code file} in the test's folder. */
    public static CatalogBackend sqlite(String file) {
        return new CatalogBackend() {
            @Override
            public Catalog open(Path dir, boolean create) {
                return SqliteCatalog.open(dir.resolve(file), create);
            }

            @Override
            public void sql(Path dir, String... statements) throws SQLException {
                CatalogDump.exec(dir.resolve(file), statements);
            }

            @Override
            public String dump(Path dir) {
                return CatalogDump.of(dir.resolve(file));
            }

            @Override
            public String address(Path dir) {
                return dir.resolve(file).toString();
            }

            @Override
            public String one(Path dir, String query) throws SQLException {
                return Tamper.one(dir.resolve(file), query);
            }

            @Override
            public void tamper(Path dir, String... statements) throws SQLException {
                Tamper.withTriggersDropped(dir.resolve(file), statements);
            }

            @Override
            public void setSchemaVersion(Path dir, int version) throws SQLException {
                sql(dir, "PRAGMA user_version = " + version);
            }

            @Override
            public String toString() {
                return "SQLite";
            }
        };
    }

    public static CatalogBackend postgresql(Supplier<PgSandbox.Server> server) {
        return new CatalogBackend() {
            private final Map<Path, String> databases = new HashMap<>();

            private String url(Path dir) {
                return databases.computeIfAbsent(dir, d -> server.get().newDatabase());
            }

            @Override
            public Catalog open(Path dir, boolean create) {
                return PostgresCatalog.open(PgAddress.parse(url(dir), Map.of()), create,
                        new Keyring(Keyring.defaultDir()), dir.resolve("pg-local"));
            }

            @Override
            public void sql(Path dir, String... statements) throws SQLException {
                try (Connection c = DriverManager.getConnection(PgSandbox.Server.jdbc(url(dir)));
                     Statement st = c.createStatement()) {
                    for (String s : statements) {
                        st.executeUpdate(s);
                    }
                }
            }

            @Override
            public String dump(Path dir) throws SQLException {
                StringBuilder out = new StringBuilder();
                try (Connection c = DriverManager.getConnection(PgSandbox.Server.jdbc(url(dir)));
                     Statement st = c.createStatement()) {
                    List<String> tables = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables "
                            + "WHERE schemaname = current_schema() ORDER BY tablename")) {
                        while (rs.next()) {
                            tables.add(rs.getString(1));
                        }
                    }
                    for (String table : tables) {
                        List<String> rows = new ArrayList<>();
                        try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + table + " t")) {
                            while (rs.next()) {
                                rows.add(rs.getString(1));
                            }
                        }
                        Collections.sort(rows);
                        out.append("## ").append(table).append('\n');
                        rows.forEach(r -> out.append(r).append('\n'));
                    }
                }
                return out.toString();
            }

            @Override
            public void setSchemaVersion(Path dir, int version) throws SQLException {
                sql(dir, "UPDATE rewind_schema SET version = " + version);
            }

            @Override
            public String address(Path dir) {
                return url(dir);
            }

            @Override
            public String one(Path dir, String query) throws SQLException {
                try (Connection c = DriverManager.getConnection(PgSandbox.Server.jdbc(url(dir)));
                     Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }

            @Override
            public void tamper(Path dir, String... statements) throws SQLException {
                String[] all = new String[statements.length + 2];
                // a superuser's session in replica mode fires no ordinary trigger (the sandbox's user is one)
                all[0] = "SET session_replication_role = replica";
                System.arraycopy(statements, 0, all, 1, statements.length);
                all[all.length - 1] = "SET session_replication_role = origin";
                sql(dir, all);
            }

            @Override
            public String toString() {
                return "PostgreSQL";
            }
        };
    }

    /** Both backends, for {@code @ArgumentsSource}; the PostgreSQL server starts when a test first opens it. */
    public static final class Both implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            return Stream.of(sqlite(), postgresql(() -> PgSandbox.server(context))).map(Arguments::of);
        }
    }

    /** Every value with each backend: arguments (backend, value). */
    public static Stream<Arguments> times(ExtensionContext context, Object... values) {
        return Stream.of(sqlite(), postgresql(() -> PgSandbox.server(context)))
                .flatMap(b -> Stream.of(values).map(v -> Arguments.of(b, v)));
    }
}
