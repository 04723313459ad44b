package dev.rewind.cli;

import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", description = "Create an empty catalog (an existing catalog is left as it is).")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Option(names = "--artifacts", paramLabel = "DIR", description = "PostgreSQL catalogs: record DIR (a folder every"
            + " client reaches at the same path, e.g. a shared mount) as the team's artifact store.")
    Path artifacts;

    @Override
    public Integer call() {
        if (artifacts != null && !root.serverCatalog()) {
            // checked before anything is created: a catalog file always keeps its store beside it
            throw RewindException.badInput("--artifacts is for a PostgreSQL catalog; a catalog file keeps its"
                    + " artifacts beside it");
        }
        boolean existed = root.catalogExists();
        try (Services services = root.open(true)) {
            root.out.println((existed ? "catalog already exists: " : "created catalog ") + services.describe());
            if (artifacts != null) {
                root.out.println(CatalogCommand.describe(services.artifactPlace().record(artifacts)));
            }
        }
        return 0;
    }
}
