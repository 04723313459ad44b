package dev.rewind.cli;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPointer;
import java.nio.file.Path;

/** Turns {@code target add}'s kind options into the pointer a move sets, refusing options of another kind. */
final class TargetKinds {
    private TargetKinds() {
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
