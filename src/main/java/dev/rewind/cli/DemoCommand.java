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

    @Option(names = "--scale", defaultValue = "small", description = "small, large or huge (huge: 1,000,000 versions, a few minutes; default: ${DEFAULT-VALUE}).")
    DemoService.Scale scale;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        try (Services services = root.open(true)) {
            long start = System.nanoTime();
            DemoService.Summary s = services.demo().create(scale, seed, (done, total) -> {
                // one line redrawn in place on the error stream, so --json style output on stdout stays clean
                root.err.printf("\rwriting versions: %,d of %,d (%d%%, %.0f s)", done, total, done * 100 / total,
                        (System.nanoTime() - start) / 1e9);
                if (done == total) {
                    root.err.println();
                }
                root.err.flush();
            });
            root.out.printf("created %s demo in %s: %d models, %d versions, %d metric values (%.1f s)%n",
                    scale.name().toLowerCase(), services.describe(), s.models(), s.versions(), s.metricValues(),
                    (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
