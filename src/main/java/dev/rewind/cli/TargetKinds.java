package dev.rewind.cli;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPointer;
import java.nio.file.Path;

/** Turns {@code target add}'s kind options into the pointer a move sets, refusing options of another kind. */
final class TargetKinds {
    private TargetKinds() {
    }

    static TargetPointer pointer(TargetPointer.Kind kind, Path mlflow, String mlflowModel, String alias) {
        return switch (kind) {
            case DIR -> {
                if (mlflow != null || alias != null) {
                    throw RewindException.badInput("--mlflow and --alias need --kind mlflow-alias");
                }
                yield null;
            }
            case MLFLOW_ALIAS -> {
                if (mlflow == null || alias == null || alias.isBlank()) {
                    throw RewindException.badInput("--kind mlflow-alias needs --mlflow PATH_TO_mlflow.db and --alias ALIAS");
                }
                yield new TargetPointer(kind, mlflow.toAbsolutePath().normalize().toString(), mlflowModel, alias);
            }
            case GTO -> throw RewindException.badInput("--kind gto is not supported by this Rewind yet");
        };
    }
}
