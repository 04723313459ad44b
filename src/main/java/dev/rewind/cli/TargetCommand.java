package dev.rewind.cli;

import dev.rewind.domain.TargetCheck;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.TargetState;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "target", description = "Manage deployment targets.", subcommands = {TargetCommand.Add.class, TargetLinkCommand.class,
        TargetProtectCommands.Protect.class, TargetProtectCommands.Unprotect.class, TargetGuardCommand.class,
        TargetCheckCommand.class, TargetProtectCommands.Retire.class})
final class TargetCommand extends CommandGroup {
    @ParentCommand
    RewindCommand root;

    @Command(name = "add", description = "Add a deployment target (e.g. production) to a model.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        TargetCommand parent;

        @Parameters(index = "0", paramLabel = "MODEL")
        String model;

        @Parameters(index = "1", paramLabel = "TARGET")
        String target;

        @Option(names = "--serving-dir", paramLabel = "DIR",
                description = "Folder a model server watches: Rewind keeps DIR/current and DIR/DEPLOYED.json.")
        Path servingDir;

        @Option(names = "--protected", description = "Every move needs a reason (and in the window the name typed).")
        boolean protectedTarget;

        @Option(names = "--check", paramLabel = "CMD",
                description = "Run CMD (via /bin/sh -c) after every switch; a non-zero exit fails the move's check.")
        String check;

        @Mixin
        TargetCheckCommand.Timeout timeout;

        @Option(names = "--kind", paramLabel = "KIND", defaultValue = "dir",
                description = "What a move changes: dir (a serving directory, or nothing; the default),"
                        + " mlflow-alias (an alias in an mlflow.db), gto (a stage in a GTO registry).")
        String kind;

        @Mixin
        TargetKinds.Options where;

        @Override
        public Integer call() {
            RewindCommand root = parent.root;
            TargetPointer pointer = where.pointer(kind, model);
            try (Services services = root.open(false)) {
                TargetState t = services.deployments().addTarget(model, target, servingDir, protectedTarget, pointer);
                if (check != null) {
                    services.deployments().setCheck(model, target, new TargetCheck(check, timeout.duration()));
                }
                root.out.printf("added %starget %s to %s%s%n", Show.escaped(t.protectedTarget() ? "protected " : "",
                        t.name(), t.model(), t.servingDir() != null ? " (serving dir " + t.servingDir() + ")"
                                : pointer != null ? " (" + pointer.describe() + ")" : ""));
                if (check != null) {
                    root.out.printf("post-switch check: %s (timeout %d s)%n", Show.escaped(check, timeout.duration().toSeconds()));
                }
            }
            return 0;
        }
    }
}
