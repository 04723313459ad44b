package dev.rewind.cli;

import dev.rewind.domain.Move;
import dev.rewind.domain.MoveRequest;
import dev.rewind.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollback", description = {"Move a target back to an earlier version.",
        "Without --to: the newest version tagged stable older than the live one (and not failed); without",
        "one, the version live before the current one, walking back past versions tagged failed and versions",
        "that were rolled back from."})
final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Option(names = "--to", paramLabel = "VERSION")
    String to;

    @Mixin
    SharedOptions.Expect expect;

    @Mixin
    SharedOptions.Reason reason;

    @Option(names = "--override", description = "Roll back even though the version misses a metric guard (recorded).")
    boolean override;

    @Mixin
    SharedOptions.Json json;

    @Mixin
    SharedOptions.DryRun dryRun;

    @Override
    public Integer call() {
        if (dryRun.on) {
            try (Services services = root.openForReading()) {
                MoveRequest r = MoveRequest.of(model, target, to);
                return DryRun.print(services, r, true, json.on, root.out, root.err);
            }
        }
        try (Services services = root.open(false)) {
            MoveRequest r = MoveRequests.expecting(MoveRequest.of(model, target, to), expect.live).because(reason.text);
            Move m = services.deployments().rollback(override ? MoveRequests.overridingAll(r) : r);
            return MoveOutput.print(m, json.on, root.out, root.err);
        }
    }
}
