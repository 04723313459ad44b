package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Actor;
import java.time.Clock;

/** The use cases over one open catalog, acting as one person; what the CLI and the window both call. */
public final class Services {
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

    public Catalog catalog() {
        return catalog;
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

    public DemoService demo() {
        return new DemoService(catalog, clock);
    }

    public DeployService deployments() {
        return new DeployService(catalog, actor, clock);
    }

    public HistoryService history() {
        return new HistoryService(catalog);
    }

    public ImportService importer() {
        return new ImportService(catalog, actor, clock);
    }

    public CompareService compare() {
        return new CompareService(catalog);
    }

    public VerifyService verifier() {
        return new VerifyService(catalog);
    }
}
