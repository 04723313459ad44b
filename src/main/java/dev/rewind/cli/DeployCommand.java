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

@Command(name = "deploy", description = "Point a target at a version (compare-and-set with --expect).")
final class DeployCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Parameters(index = "2", paramLabel = "VERSION")
    String version;

    @Mixin
    SharedOptions.Expect expect;

    @Mixin
    SharedOptions.Reason reason;

    @Option(names = {"--override", "--force-failed"},
            description = "Deploy even though the version is tagged failed or misses a metric guard (recorded).")
    boolean override;

    @Mixin
    SharedOptions.Json json;

    @Mixin
    SharedOptions.DryRun dryRun;

    @Override
    public Integer call() {
        if (dryRun.on) {
            try (Services services = root.openForReading()) {
                MoveRequest r = MoveRequest.of(model, target, version);
                return DryRun.print(services, r, false, json.on, root.out, root.err);
            }
        }
        try (Services services = root.open(false)) {
            MoveRequest r = MoveRequests.expecting(MoveRequest.of(model, target, version), expect.live).because(reason.text);
            Move m = services.deployments().deploy(override ? MoveRequests.overridingAll(r) : r);
            return MoveOutput.print(m, json.on, root.out, root.err);
        }
    }
}
