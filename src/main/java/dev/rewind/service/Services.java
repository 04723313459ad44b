package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Actor;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The use cases over one open catalog, acting as one person; what the CLI and the window both call. Callers
 * never hold the catalog itself: what they need of it (where it is, whether it changed, closing) is here.
 */
public final class Services implements AutoCloseable {
    private final Catalog catalog;
    private final Actor actor;
    private final Clock clock;
    private final RegistryService registry;

    public Services(Catalog catalog, Actor actor, Clock clock) {
        this.catalog = catalog;
        this.actor = actor;
        this.clock = clock;
        this.registry = new RegistryService(catalog, actor, clock);
    }

    /** Where the catalog lives, for display. */
    public Path location() {
        return catalog.location();
    }

    /** Whether the catalog was opened only for reading (this user cannot write it): every change is refused. */
    /** The catalog as people name it (a file, or a server address without its password). */
    public String describe() {
        return catalog.describe();
    }

    public boolean readOnly() {
        return catalog.readOnly();
    }

    /** What this user may change in the catalog (everything, on a file); the window disables the rest. */
    public dev.rewind.domain.Abilities abilities() {
        return catalog.abilities();
    }

    /** Creates the team roles and grants them this catalog (a PostgreSQL catalog only; a file is refused). */
    public dev.rewind.domain.RolesSetup initRoles() {
        return catalog.initRoles();
    }

    /** Changes whenever anyone commits to the catalog; cheap enough to poll. */
    public long changeCounter() {
        return catalog.changeCounter();
    }

    /** Follows changes committed elsewhere (another window, the CLI, CI); close the feed when done. */
    public dev.rewind.domain.ChangeFeed watchChanges() {
        return catalog.watchChanges();
    }

    @Override
    public void close() {
        catalog.close();
    }

    public Actor actor() {
        return actor;
    }

    public Clock clock() {
        return clock;
    }

    public RegistryService registry() {
        return registry;
    }

    public ArtifactPlace artifactPlace() {
        return new ArtifactPlace(catalog);
    }

    public DemoService demo() {
        return new DemoService(catalog, clock);
    }

    public DeployService deployments() {
        return new DeployService(catalog, actor, clock);
    }

    public TargetRules targetRules() {
        return new TargetRules(catalog, actor, clock);
    }

    public HistoryService history() {
        return new HistoryService(catalog);
    }

    public ImportService importer() {
        return new ImportService(catalog, actor, clock);
    }

    /** Reads GTO registries with the {@code git} on PATH ({@code -Drewind.git=PATH} names another). */
    public GtoImportService gtoImporter() {
        return new GtoImportService(catalog, actor, clock,
                new dev.rewind.importer.gto.GtoReader(System.getProperty("rewind.git", "git")));
    }

    public CompareService compare() {
        return new CompareService(catalog);
    }

    public SandboxService sandbox() {
        return new SandboxService(catalog, clock);
    }

    public SearchService search() {
        return new SearchService(catalog);
    }

    public PathService paths() {
        return new PathService(catalog);
    }

    public VerifyService verifier() {
        return new VerifyService(catalog, actor);
    }

    /** The signed-history check alone (the window runs it on open). */
    public ChainVerifier chain() {
        return new ChainVerifier(catalog);
    }

    /**
     * The whole history checked on a connection of its own (see {@link Catalog#separateReader}): on a catalog of a
     * million versions this takes a while, and the window's reads must not wait for it.
     */
    public ChainVerifier.Findings checkHistoryAside(Runnable breather) {
        try (Catalog own = catalog.separateReader()) {
            return new ChainVerifier(own, breather).verifyWithLinks();
        }
    }
}
