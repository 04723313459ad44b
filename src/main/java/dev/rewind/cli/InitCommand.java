package dev.rewind.cli;

import dev.rewind.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", description = "Create an empty catalog (an existing catalog is left as it is).")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Override
    public Integer call() {
        boolean existed = root.catalogExists();
        try (Services services = root.open(true)) {
            root.out.println((existed ? "catalog already exists: " : "created catalog ") + services.describe());
        }
        return 0;
    }
}
