package dev.rewind.domain;

import java.util.Locale;

/**
 * Where a target's move takes effect outside Rewind when it is not a serving directory: an MLflow alias
 * ({@code store} the mlflow.db, {@code name} the registered model, {@code pointer} the alias) or a GTO stage
 * ({@code store} the git repository, {@code name} the artifact, {@code pointer} the stage).
 */
public record TargetPointer(Kind kind, String store, String name, String pointer) {
    /** The kinds of target; {@code DIR} (a serving directory, or none) is the default and needs no pointer. */
    public enum Kind {
        DIR("dir"), MLFLOW_ALIAS("mlflow-alias"), GTO("gto");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw RewindException.badInput("unknown target kind '" + id + "' (dir, mlflow-alias or gto)");
        }
    }

    public TargetPointer {
        if (kind == Kind.DIR) {
            throw new IllegalArgumentException("a serving directory is not an external pointer");
        }
    }

    /** One line naming the pointer, for listings and messages. */
    public String describe() {
        return switch (kind) {
            case MLFLOW_ALIAS -> "MLflow alias " + pointer + " of " + name + " in " + store;
            case GTO -> "GTO stage " + pointer + " of " + name + " in " + store;
            case DIR -> throw new IllegalStateException();
        };
    }
}
