package dev.rewind.cli;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPointer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Turns {@code target add}'s and {@code target link}'s kind options into the pointer a move sets. */
final class TargetKinds {
    private TargetKinds() {
    }

    /** The options that say where an MLflow alias or a GTO stage is; {@code --kind} is each command's own. */
    static final class Options {
        @Option(names = "--mlflow", paramLabel = "PATH", description = "With --kind mlflow-alias: the mlflow.db file.")
        Path mlflow;

        @Option(names = "--mlflow-model", paramLabel = "NAME",
                description = "With --kind mlflow-alias: the registered model in MLflow (default: MODEL).")
        String mlflowModel;

        @Option(names = "--alias", paramLabel = "ALIAS", description = "With --kind mlflow-alias: the alias a move sets.")
        String alias;

        @Option(names = "--repo", paramLabel = "PATH", description = "With --kind gto: the git repository of the registry.")
        Path repo;

        @Option(names = "--stage", paramLabel = "STAGE", description = "With --kind gto: the stage a move assigns.")
        String stage;

        @Option(names = "--gto-artifact", paramLabel = "NAME",
                description = "With --kind gto: the artifact's name in GTO (default: MODEL).")
        String gtoArtifact;

        /** The pointer of {@code kind} for a target of {@code model}; null for {@code dir}. */
        TargetPointer pointer(String kind, String model) {
            return TargetKinds.pointer(TargetPointer.Kind.of(kind), mlflow, mlflowModel == null ? model : mlflowModel,
                    alias, repo, gtoArtifact == null ? model : gtoArtifact, stage);
        }
    }

    static TargetPointer pointer(TargetPointer.Kind kind, Path mlflow, String mlflowModel, String alias, Path repo,
                                 String artifact, String stage) {
        return switch (kind) {
            case DIR -> {
                if (mlflow != null || alias != null || repo != null || stage != null) {
                    throw RewindException.badInput("--mlflow and --alias need --kind mlflow-alias; --repo and --stage"
                            + " need --kind gto");
                }
                yield null;
            }
            case MLFLOW_ALIAS -> {
                if (mlflow == null || alias == null || alias.isBlank()) {
                    throw RewindException.badInput("--kind mlflow-alias needs --mlflow PATH_TO_mlflow.db and --alias ALIAS");
                }
                yield new TargetPointer(kind, mlflow.toAbsolutePath().normalize().toString(), mlflowModel, alias);
            }
            case GTO -> {
                if (repo == null || stage == null || stage.isBlank()) {
                    throw RewindException.badInput("--kind gto needs --repo PATH and --stage STAGE");
                }
                yield new TargetPointer(kind, repo.toAbsolutePath().normalize().toString(), artifact, stage);
            }
        };
    }
}
