package dev.rewind.cli;

import dev.rewind.domain.Text;
import dev.rewind.service.ArtifactPlace;
import dev.rewind.service.CatalogCopyService;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "catalog", description = "Work on a whole catalog: copy it to another backend, or say where its"
        + " artifacts live.", subcommands = {CatalogCommand.Copy.class, CatalogCommand.Artifacts.class})
final class CatalogCommand extends CommandGroup {
    /** Tables at least this long get a progress line, so a large copy is not silent for minutes. */
    static final long PROGRESS_ROWS = 10_000;

    @ParentCommand
    RewindCommand root;

    @Command(name = "copy", description = {"Copy a whole catalog into a new or empty one: a file into a PostgreSQL"
            + " server (postgresql://HOST[:PORT]/DB) and back. Ids, hashes and signatures are kept, so 'verify'"
            + " passes on the copy when it passes on the original; stored artifacts go to the destination's store.",
            "Serving dirs that serve what the catalog says then serve the same bytes from the copy's store"
                    + " ('verify --repair' on the original takes them back).",
            "A damaged original is copied as it is (verify on the copy reports the same problems)."})
    static final class Copy implements Callable<Integer> {
        @ParentCommand
        CatalogCommand parent;

        @Parameters(index = "0", paramLabel = "FROM", description = "Catalog file or postgresql:// address to copy.")
        Path from;

        @Parameters(index = "1", paramLabel = "TO", description = "New or empty catalog to copy into.")
        Path to;

        @Override
        public Integer call() {
            RewindCommand root = parent.root;
            CatalogCopyService.Report r = root.copier(PROGRESS_ROWS).copy(from, to, (table, rows) ->
                    root.err.printf("rewind: copying %s: %,d rows%n", table, rows));
            root.out.printf("copied %s to %s: %,d rows, %d artifacts%n", Text.escape(r.from()),
                    Text.escape(r.to()), r.rows(), r.artifactsCopied());
            if (!r.servingDirs().isEmpty()) {
                root.out.printf("serving dirs now served from the copy's artifact store (same bytes): %s%n",
                        Text.escape(String.join(", ", r.servingDirs())));
            }
            if (!r.artifactsMissing().isEmpty()) {
                root.err.println("rewind: warning: " + r.artifactsMissing().size() + " artifacts were not in the"
                        + " source's store and are missing from the copy too (first: "
                        + r.artifactsMissing().get(0) + ")");
            }
            return 0;
        }
    }

    @Command(name = "artifacts", description = {"Show where the catalog's artifact store lives, or (with DIR) record"
            + " a shared folder for a PostgreSQL catalog's team (every client must reach it at the same path).",
            "Artifacts already stored are not moved; copy them into DIR yourself (e.g. rsync)."})
    static final class Artifacts implements Callable<Integer> {
        @ParentCommand
        CatalogCommand parent;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to record as the artifact store.")
        Path dir;

        @Override
        public Integer call() {
            RewindCommand root = parent.root;
            try (Services services = dir == null ? root.openForReading() : root.open(false)) {
                ArtifactPlace.Where w = dir == null ? services.artifactPlace().where()
                        : services.artifactPlace().record(dir);
                root.out.println(describe(w));
                if (w.problem() != null) {
                    root.err.println("rewind: warning: " + Text.escape(w.problem()));
                }
            }
            return 0;
        }
    }

    static String describe(ArtifactPlace.Where w) {
        return "artifact store: " + Text.escape(w.dir().toString())
                + (w.recorded() ? " (recorded in the catalog, shared)" : " (not recorded in the catalog: kept beside it on this machine)");
    }
}
