package dev.rewind.cli;

import dev.rewind.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "untag", description = {"Remove a tag from a version (the history keeps that it was there).",
        "Removing failed or stable needs --reason."})
final class UntagCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "VERSION")
    String version;

    @Parameters(index = "2", paramLabel = "KEY")
    String key;

    @Mixin
    SharedOptions.Reason reason;

    @Override
    public Integer call() {
        try (Services services = root.open(false)) {
            services.registry().untag(model, version, key, reason.text);
            root.out.printf("removed tag %s from %s %s%n", Show.escaped(key, model, version));
        }
        return 0;
    }
}
