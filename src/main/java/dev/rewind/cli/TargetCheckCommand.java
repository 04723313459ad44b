package dev.rewind.cli;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetCheck;
import dev.rewind.service.Services;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", description = {"Set or remove the command run after every switch of a target.",
        "It runs via /bin/sh -c with REWIND_MODEL, REWIND_TARGET, REWIND_VERSION and REWIND_SERVING_PATH set;",
        "a non-zero exit or a timeout is recorded with the move and makes deploy/rollback exit 1."})
final class TargetCheckCommand implements Callable<Integer> {
    /** How long a check may run before it counts as failed. */
    static final class Timeout {
        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time the check may take (default 30).")
        Long seconds;

        Duration duration() {
            if (seconds != null && seconds <= 0) {
                throw RewindException.badInput("--timeout must be a positive number of seconds");
            }
            return seconds == null ? TargetCheck.DEFAULT_TIMEOUT : Duration.ofSeconds(seconds);
        }
    }

    static final class What {
        @Option(names = "--command", paramLabel = "CMD", required = true, description = "The check to run.")
        String command;

        @Option(names = "--clear", required = true, description = "Remove the target's check.")
        boolean clear;
    }

    @ParentCommand
    TargetCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @ArgGroup(multiplicity = "1")
    What what;

    @Mixin
    Timeout timeout;

    @Override
    public Integer call() {
        RewindCommand root = parent.root;
        try (Services services = root.open(false)) {
            TargetCheck check = what.clear ? null : new TargetCheck(what.command, timeout.duration());
            services.deployments().setCheck(model, target, check);
            root.out.println(check == null ? "removed the post-switch check of " + target + " of " + model
                    : "post-switch check of " + target + " of " + model + ": " + check.command() + " (timeout "
                    + check.timeout().toSeconds() + " s)");
        }
        return 0;
    }
}
