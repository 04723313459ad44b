package dev.rewind.cli;

import dev.rewind.domain.Text;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.GtoImportService;
import dev.rewind.service.ImportService;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", description = "Import history from other registries.", subcommands = {ImportCommand.Mlflow.class, ImportCommand.Gto.class})
final class ImportCommand extends CommandGroup {
    @ParentCommand
    RewindCommand root;

    @Command(name = "mlflow", description = {"Import an MLflow store: an mlflow.db file or an mlruns/ folder.",
            "The source is only read; the import is one transaction; importing again adds only what is new."})
    static final class Mlflow implements Callable<Integer> {
        @ParentCommand
        ImportCommand parent;

        @Parameters(paramLabel = "PATH")
        Path path;

        @Option(names = "--runs-as-versions", paramLabel = "EXPERIMENT",
                description = "Import the runs of this experiment (name or id) as versions of a model named after it.")
        String runsAsVersions;

        @Option(names = "--rename-invalid", description = {"Import names that break the name policy under a reversible"
                + " replacement (bad characters percent-escaped, e.g. 'a%%1Bb'); each one is printed old → new.",
                "Without it such a store is refused, naming the entry."})
        boolean renameInvalid;

        @Mixin
        SharedOptions.Json json;

        @Override
        public Integer call() {
            RewindCommand root = parent.root;
            try (Services services = root.open(true)) {
                ImportService.Report r = services.importer().importMlflow(path, runsAsVersions, renameInvalid,
                        MlflowReader.Progress.NONE);
                if (json.on) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("source", r.source());
                    o.put("models", r.models());
                    o.put("versionsAdded", r.versionsAdded());
                    o.put("versionsAlreadyImported", r.versionsAlreadyThere());
                    o.put("targetsMoved", r.targetsMoved());
                    o.put("metricValues", r.metricValues());
                    o.put("renamed", r.renamed());
                    root.out.println(Json.write(o));
                } else {
                    r.renamed().forEach(line -> root.out.println("renamed " + Text.escape(line)));
                    root.out.printf("imported %s: %d models, %d new versions (%d already imported), %d target positions"
                            + " observed, %d metric values%n", Text.escape(r.source()), r.models(), r.versionsAdded(),
                            r.versionsAlreadyThere(), r.targetsMoved(), r.metricValues());
                }
            }
            return 0;
        }
    }

    @Command(name = "gto", description = {"Import a GTO registry: a git repository's annotated tags (NAME@vX.Y.Z,"
            + " NAME#STAGE#N, and their ! forms) and artifacts.yaml annotations; needs git.",
            "Each stage becomes a target; every tag becomes an event drawn at its tag time. The repository is only"
            + " read; importing again adds only new tags."})
    static final class Gto implements Callable<Integer> {
        @ParentCommand
        ImportCommand parent;

        @Parameters(paramLabel = "REPO", description = "The repository's folder (a clone with all its tags).")
        Path repo;

        @Mixin
        SharedOptions.Json json;

        @Override
        public Integer call() {
            RewindCommand root = parent.root;
            try (Services services = root.open(true)) {
                GtoImportService.Report r = services.gtoImporter().importGto(repo);
                if (json.on) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("source", r.repo());
                    o.put("models", r.models());
                    o.put("versionsAdded", r.versionsAdded());
                    o.put("tagsAdded", r.tagsAdded());
                    o.put("tagsAlreadyImported", r.tagsAlreadyImported());
                    o.put("stagesMoved", r.stagesMoved());
                    root.out.println(Json.write(o));
                } else {
                    root.out.printf("imported %s: %d models, %d new versions, %d new tags (%d already imported),"
                            + " %d stage moves%n", Text.escape(r.repo()), r.models(), r.versionsAdded(), r.tagsAdded(),
                            r.tagsAlreadyImported(), r.stagesMoved());
                }
            }
            return 0;
        }
    }
}
