package dev.rewind.cli;

import dev.rewind.domain.RewindException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups sub-commands ({@code rewind target}): run alone it shows its usage, so the user sees
 * which sub-commands exist, and exits 2 like any other usage error.
 */
abstract class CommandGroup implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("rewind: '" + spec.qualifiedName() + "' needs a command");
        cl.usage(cl.getErr());
        return RewindException.BAD_INPUT;
    }
}
