package dev.rewind.support;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.Keyring;
import dev.rewind.catalog.postgres.PgAddress;
import dev.rewind.catalog.postgres.PostgresCatalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
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

    /** Runs SQL directly on the catalog of {@code dir}, going around Rewind (as a colleague's client might). */
    public abstract void sql(Path dir, String... statements) throws SQLException;

    public static CatalogBackend sqlite() {
        return new CatalogBackend() {
            @Override
            public Catalog open(Path dir, boolean create) {
                return SqliteCatalog.open(dir.resolve("catalog.db"), create);
            }

            @Override
            public void sql(Path dir, String... statements) throws SQLException {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("catalog.db"));
                     Statement st = c.createStatement()) {
                    for (String s : statements) {
                        st.executeUpdate(s);
                    }
                }
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
