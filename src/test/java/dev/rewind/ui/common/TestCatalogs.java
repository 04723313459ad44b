package dev.rewind.ui.common;

import dev.rewind.domain.MoveRequest;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.RewindException;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.service.OpenMode;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Small catalogs for view-model tests: one template, built once per test run, copied for each test, which may
 * write to its copy (a copy costs a file copy; building the template costs a dozen commits).
 */
public final class TestCatalogs {
    private static final Actor ACTOR = new Actor("tester", "test-host");
    private static Path template;

    private TestCatalogs() {
    }

    /**
     * The template: model m with 1.0, 1.1, 2.0 (auc; loss, also per step 1 and 2), production moved 1.0 → 1.1 → 2.0 and staging
     * empty; models n (7.0) and o (0.1), never deployed. Read it only through {@link #copy}.
     */
    public static synchronized Path template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("rewind-vm-tests-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                template = build(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private static Path build(Path dir) throws IOException {
        Path db = dir.resolve("template.db");
        try (SqliteCatalog c = SqliteCatalog.open(db, true)) {
            Services s = new Services(c, ACTOR, Clock.systemUTC());
            String[] labels = {"1.0", "1.1", "2.0"};
            double[] auc = {0.90, 0.92, 0.95};
            for (int i = 0; i < labels.length; i++) {
                register(s, dir, "m", labels[i], auc[i]);
            }
            register(s, dir, "n", "7.0", 0.5);
            register(s, dir, "o", "0.1", 0.6);
            s.deployments().addTarget("m", "production", null);
            s.deployments().addTarget("m", "staging", null);
            s.deployments().deploy(MoveRequest.of("m", "production", "1.0").because("launch"));
            s.deployments().deploy(MoveRequest.of("m", "production", "1.1").expecting(Optional.of("1.0")).because("better"));
            s.deployments().deploy(MoveRequest.of("m", "production", "2.0").expecting(Optional.of("1.1")).because("best offline"));
        }
        return db;
    }

    private static void register(Services s, Path dir, String model, String label, double auc) throws IOException {
        Path art = Files.writeString(dir.resolve(model + "-" + label + ".bin"), "weights of " + model + " " + label);
        s.registry().register(new RegisterRequest(model, label, art,
                List.of(MetricValue.summary("auc", auc), MetricValue.summary("loss", 1 - auc),
                        new MetricValue("loss", 1.0, 1L, null), new MetricValue("loss", 1 - auc, 2L, null)),
                null, null, null, null, null));
    }

    /** A copy of {@code template} at {@code to}, with its artifact store (the folder beside it). */
    public static Path copy(Path template, Path to) {
        try (Stream<Path> stored = Files.walk(template.resolveSibling("artifacts"))) {
            Path store = template.resolveSibling("artifacts");
            for (Path p : stored.toList()) {
                Path there = to.resolveSibling("artifacts").resolve(store.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(there);
                } else {
                    Files.copy(p, there, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return Files.copy(template, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Services open(Path db) {
        return new Services(SqliteCatalog.open(db, false), ACTOR, Clock.systemUTC());
    }

    public static void close(Services s) {
        s.close();
    }

    /** Changes the catalog as another process would: through a connection of its own, closed after. */
    public static void changeElsewhere(Path db, Consumer<Services> change) {
        Services s = open(db);
        try {
            change.accept(s);
        } finally {
            close(s);
        }
    }

    /**
     * Opens catalogs as the window does, through {@link CatalogSessions}; a missing file opened for the demo
     * becomes a copy of {@code template} (the "demo"), and counts as created.
     */
    public static BiFunction<Path, OpenMode, CatalogSessions.Opened> opener(Path template) {
        CatalogSessions sessions = new CatalogSessions(SqliteCatalog.opener(), ACTOR, Clock.systemUTC());
        return (path, mode) -> {
            if (mode == OpenMode.DEMO_IF_MISSING && !Files.exists(path)) {
                copy(template, path);
                CatalogSessions.Opened opened = sessions.open(path, OpenMode.EXISTING);
                return new CatalogSessions.Opened(opened.services(), opened.notes(), true);
            }
            return sessions.open(path, mode);
        };
    }
}
