package dev.rewind.cli;

import picocli.CommandLine.Option;

/**
 * Options several commands take, each declared once (as a picocli {@code @Mixin}) so that its name, label and
 * help text are the same wherever it appears.
 */
final class SharedOptions {
    private SharedOptions() {
    }

    static final class Json {
        @Option(names = "--json", description = "Print the result as JSON, for scripts.")
        boolean on;
    }

    /** Recorded in the history with the change. */
    static final class Reason {
        @Option(names = "--reason", paramLabel = "T", description = "Why; kept in the history with the change.")
        String text;
    }

    /** Compare-and-set for a move: the move is refused when the target's live version is not this one. */
    static final class Expect {
        @Option(names = "--expect", paramLabel = "V",
                description = "The version you believe is live ('none' if nothing is);"
                        + " refused if another process moved it.")
        String live;
    }

    /** A move previewed: what it would do and its native equivalent, with nothing changed. */
    static final class DryRun {
        @Option(names = "--dry-run", description = "Show what the move would do and the equivalent command in the"
                + " target's own tool (serving dir, MLflow alias, GTO stage); change nothing.")
        boolean on;
    }
}
