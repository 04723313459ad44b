package dev.rewind.cli;

import dev.rewind.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code target protect}, {@code unprotect} and {@code retire}: recorded changes, each with a required reason. */
final class TargetProtectCommands {
    private TargetProtectCommands() {
    }

    /** What every one of these commands takes: the model, the target and a reason. */
    abstract static class OnTarget implements Callable<Integer> {
        @ParentCommand
        TargetCommand parent;

        @Parameters(index = "0", paramLabel = "MODEL")
        String model;

        @Parameters(index = "1", paramLabel = "TARGET")
        String target;

        @Mixin
        SharedOptions.Reason reason;
    }

    abstract static class Change extends OnTarget {
        abstract boolean on();

        @Override
        public Integer call() {
            RewindCommand root = parent.root;
            try (Services services = root.open(false)) {
                services.targetRules().protect(model, target, on(), reason.text);
                root.out.printf("%s of %s is %s%n", target, model, on() ? "protected: every move needs a reason"
                        : "no longer protected");
            }
            return 0;
        }
    }

    @Command(name = "protect", description = "Protect a target: every move needs a reason (needs --reason).")
    static final class Protect extends Change {
        @Override
        boolean on() {
            return true;
        }
    }

    @Command(name = "unprotect", description = "Remove a target's protection (needs --reason).")
    static final class Unprotect extends Change {
        @Override
        boolean on() {
            return false;
        }
    }

    @Command(name = "retire", description = {"Retire a target (needs --reason): it keeps its history but leaves the"
            + " lists ('targets --all' shows it) and takes no more moves.", "Refused while the target is protected."})
    static final class Retire extends OnTarget {
        @Override
        public Integer call() {
            RewindCommand root = parent.root;
            try (Services services = root.open(false)) {
                services.targetRules().retire(model, target, reason.text);
                root.out.printf("%s of %s is retired: its history stays; it is listed by 'targets --all' only%n",
                        Show.escaped(target, model));
            }
            return 0;
        }
    }
}
