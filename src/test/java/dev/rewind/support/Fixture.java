package dev.rewind.support;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.MoveRequest;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A small catalog for service tests: model m with 1.0, 1.1, 2.0; targets production (serving dir) and staging. */
public final class Fixture implements AutoCloseable {
    public final Path dir;
    public final Path db;
    public final Path serving;
    public final Catalog catalog;
    public final Services services;

    private Fixture(Path db, boolean existing) {
        this(db.getParent(), db, SqliteCatalog.open(db, !existing));
    }

    private Fixture(Path dir, Path db, Catalog catalog) {
        this.dir = dir;
        this.db = db;
        this.serving = dir.resolve("serve/production");
        this.catalog = catalog;
        this.services = new Services(catalog, new Actor("tester", "test-host"), Clock.systemUTC());
    }

    /** Opens an existing fixture catalog again. */
    public record Reopened(Path db) {
        public Fixture fixture() {
            return new Fixture(db, true);
        }
    }

    public Fixture(Path dir) throws IOException {
        this(dir.resolve("catalog.db"), false);
        fill();
    }

    /** The same fixture on {@code backend} (its {@link #db} is the SQLite file's path, whichever backend). */
    public Fixture(Path dir, CatalogBackend backend) throws IOException {
        this(dir, dir.resolve("catalog.db"), backend.open(dir, true));
        fill();
    }

    private void fill() throws IOException {
        Files.createDirectories(serving.getParent());
        String[] labels = {"1.0", "1.1", "2.0"};
        double[] auc = {0.90, 0.92, 0.95};
        for (int i = 0; i < labels.length; i++) {
            Path art = Files.writeString(dir.resolve("model-" + labels[i] + ".bin"), "weights of " + labels[i]);
            services.registry().register(new RegisterRequest("m", labels[i], art,
                    List.of(MetricValue.summary("auc", auc[i]), MetricValue.summary("loss", 1 - auc[i])),
                    null, null, null, null, null));
        }
        services.deployments().addTarget("m", "production", serving);
        services.deployments().addTarget("m", "staging", null);
    }

    /** A fixture where production went 1.0 → 1.1 → 2.0. */
    public static Fixture deployedThrice(Path dir) throws IOException {
        return deployedThrice(new Fixture(dir));
    }

    /** As {@link #deployedThrice(Path)}, on {@code backend}. */
    public static Fixture deployedThrice(Path dir, CatalogBackend backend) throws IOException {
        return deployedThrice(new Fixture(dir, backend));
    }

    private static Fixture deployedThrice(Fixture f) {
        f.services.deployments().deploy(MoveRequest.of("m", "production", "1.0").because("launch"));
        f.services.deployments().deploy(MoveRequest.of("m", "production", "1.1").expecting(Optional.of("1.0"))
                .because("better"));
        f.services.deployments().deploy(MoveRequest.of("m", "production", "2.0").expecting(Optional.of("1.1"))
                .because("best offline"));
        return f;
    }

    public String live(String target) {
        return services.deployments().targets("m").stream().filter(t -> t.name().equals(target)).findFirst()
                .orElseThrow().liveVersion();
    }

    /** The catalog's rows plus the serving dir's link and record: what "unchanged" means. */
    public String state() throws IOException {
        String link = Files.isSymbolicLink(serving.resolve("current"))
                ? Files.readSymbolicLink(serving.resolve("current")).toString() : "-";
        String deployed = Files.exists(serving.resolve("DEPLOYED.json"))
                ? Files.readString(serving.resolve("DEPLOYED.json")) : "-";
        return CatalogDump.of(db) + "\n#link " + link + "\n#deployed " + deployed;
    }

    @Override
    public void close() {
        catalog.close();
    }
}
