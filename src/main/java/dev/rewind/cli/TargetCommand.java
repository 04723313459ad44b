package dev.rewind.cli;

import dev.rewind.domain.TargetState;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "target", description = "Manage deployment targets.", subcommands = TargetCommand.Add.class)
final class TargetCommand {
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

        @Override
        public Integer call() {
            RewindCommand root = parent.root;
            try (Services services = root.open(false)) {
                TargetState t = services.deployments().addTarget(model, target, servingDir);
                root.out.printf("added target %s to %s%s%n", Show.escaped(t.name(), t.model(),
                        t.servingDir() == null ? "" : " (serving dir " + t.servingDir() + ")"));
            }
            return 0;
        }
    }
}
