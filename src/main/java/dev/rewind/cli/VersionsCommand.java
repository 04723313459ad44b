package dev.rewind.cli;

import dev.rewind.domain.Version;
import dev.rewind.service.Services;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "versions", description = "List the versions of a model, oldest first.")
final class VersionsCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(paramLabel = "MODEL")
    String model;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        try (Services services = root.openForReading()) {
            List<Version> versions = services.registry().versions(model);
            if (json.on) {
                root.out.println(Json.write(Json.versions(versions)));
                return 0;
            }
            Table t = new Table("#", "VERSION", "CREATED", "AUTHOR", "TAGS", "METRICS");
            for (Version v : versions) {
                t.row(v.seq(), v.label(), Json.time(v.createdAt()), v.author(), Show.tags(v.tags()),
                        v.metrics().entrySet().stream().limit(4).map(e -> e.getKey() + "=" + Show.number(e.getValue()))
                                .collect(Collectors.joining(" ")));
            }
            t.print(root.out);
        }
        return 0;
    }
}
