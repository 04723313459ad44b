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

@Command(name = "versions", description = "List the versions of a model, oldest first, or those a search keeps.")
final class VersionsCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(paramLabel = "MODEL")
    String model;

    @Mixin
    SearchOptions search;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        var query = search.query();
        try (Services services = root.openForReading()) {
            print(root, services.search().versions(model, query), json.on, false);
        }
        return 0;
    }

    /** The versions as JSON (the {@code versions --json} schema) or as a table, with a MODEL column when asked. */
    static void print(RewindCommand root, List<Version> versions, boolean asJson, boolean withModel) {
        if (asJson) {
            root.out.println(Json.write(Json.versions(versions)));
            return;
        }
        Table t = withModel ? new Table("MODEL", "#", "VERSION", "CREATED", "AUTHOR", "TAGS", "METRICS")
                : new Table("#", "VERSION", "CREATED", "AUTHOR", "TAGS", "METRICS");
        for (Version v : versions) {
            Object[] cells = {v.seq(), v.label(), Json.time(v.createdAt()), v.author(), Show.tags(v.tags()),
                    v.metrics().entrySet().stream().limit(4).map(e -> e.getKey() + "=" + Show.number(e.getValue()))
                            .collect(Collectors.joining(" "))};
            if (withModel) {
                Object[] more = new Object[cells.length + 1];
                more[0] = v.model();
                System.arraycopy(cells, 0, more, 1, cells.length);
                cells = more;
            }
            t.row(cells);
        }
        t.print(root.out);
    }
}
