package dev.rewind.cli;

import dev.rewind.domain.Version;
import dev.rewind.service.Services;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = "Show one version: metrics, params, tags, lineage and artifact.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "VERSION")
    String version;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        try (Services services = root.openForReading()) {
            Version v = services.registry().show(model, version);
            if (json.on) {
                root.out.println(Json.write(Json.version(v)));
            } else {
                print(v, root.out);
            }
        }
        return 0;
    }

    private static void print(Version v, PrintStream out) {
        out.printf("%s %s  (#%d)%n", Show.escaped(v.model(), v.label(), v.seq()));
        out.printf("  created      %s by %s%n", Show.escaped(Json.time(v.createdAt()), v.author()));
        if (v.description() != null) {
            out.printf("  description  %s%n", Show.escaped(v.description()));
        }
        out.printf("  tags         %s%n", v.tags().isEmpty() ? "-" : Show.tags(v.tags()));
        out.printf("  parent       %s%n", Show.escaped(v.parentLabel() == null ? "-" : v.parentLabel()));
        out.printf("  source run   %s%n", Show.escaped(v.sourceRun() == null ? "-" : v.sourceRun()));
        if (v.artifact() != null) {
            out.printf("  artifact     %s%n", Show.escaped(v.artifact().uri()));
            out.printf("  sha256       %s%n", v.artifact().sha256() == null ? "-" : v.artifact().sha256());
            out.printf("  size         %s%n", Show.bytes(v.artifact().size()));
        }
        out.println("  metrics");
        v.metrics().forEach((k, x) -> out.printf("    %-20s %s%n", Show.escaped(k, Show.number(x))));
        out.println("  params");
        v.params().forEach((k, x) -> out.printf("    %-20s %s%n", Show.escaped(k, x)));
    }
}
