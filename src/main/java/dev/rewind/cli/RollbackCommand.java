package dev.rewind.cli;

import dev.rewind.domain.Move;
import dev.rewind.domain.MoveRequest;
import dev.rewind.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollback", description = {"Move a target back to an earlier version.",
        "Without --to: the version live before the current one, walking back past versions tagged failed",
        "and versions that were rolled back from."})
final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Option(names = "--to", paramLabel = "VERSION")
    String to;

    @Option(names = "--expect", paramLabel = "V",
            description = "The version you believe is live; refused if another process moved it.")
    String expect;

    @Option(names = "--reason", paramLabel = "T")
    String reason;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        try (Services services = root.open(false)) {
            Move m = services.deployments().rollback(
                    MoveRequests.expecting(MoveRequest.of(model, target, to), expect).because(reason));
            MoveOutput.print(m, json, root.out);
        }
        return 0;
    }
}
