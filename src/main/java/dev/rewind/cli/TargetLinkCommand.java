package dev.rewind.cli;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.TargetState;
import dev.rewind.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code target link}: gives a target that has no serving dir or pointer (one an import created) its pointer. */
@Command(name = "link", description = {"Link a target whose moves change nothing outside Rewind (one an MLflow or GTO"
        + " import created, say) to an MLflow alias or a GTO stage, once: from then on every move sets it.",
    "The pointer must already hold the version the target serves, and the model's versions must come from it."})
final class TargetLinkCommand implements Callable<Integer> {
    @ParentCommand
    TargetCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Option(names = "--kind", paramLabel = "KIND", required = true,
            description = "What the target's moves will change: mlflow-alias or gto.")
    String kind;

    @Mixin
    TargetKinds.Options where;

    @Override
    public Integer call() {
        TargetPointer pointer = where.pointer(kind, model);
        if (pointer == null) {
            throw RewindException.badInput("a target is linked to --kind mlflow-alias or --kind gto; a serving dir is"
                    + " given with 'rewind target add --serving-dir'");
        }
        try (Services services = parent.root.open(false)) {
            TargetState t = services.deployments().linkTarget(model, target, pointer);
            parent.root.out.printf("linked target %s of %s to %s%n", Show.escaped(t.name(), t.model(),
                    pointer.describe()));
        }
        return 0;
    }
}
