package dev.rewind.cli;

import dev.rewind.service.DemoService;
import dev.rewind.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", description = "Create a demo catalog with believable models, versions and history.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Option(names = "--scale", defaultValue = "small", description = "small or large (default: ${DEFAULT-VALUE}).")
    DemoService.Scale scale;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        try (Services services = root.open(true)) {
            long start = System.nanoTime();
            DemoService.Summary s = services.demo().create(scale, seed);
            root.out.printf("created %s demo in %s: %d models, %d versions, %d metric values (%.1f s)%n",
                    scale.name().toLowerCase(), services.location(), s.models(), s.versions(), s.metricValues(),
                    (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
