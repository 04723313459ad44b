package dev.rewind.cli;

import dev.rewind.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "search", description = "Find versions of every model by metric, param and tag (--where, --tag).")
final class SearchCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Mixin
    SearchOptions search;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        var query = search.query();
        try (Services services = root.openForReading()) {
            VersionsCommand.print(root, services.search().all(query), json.on, true);
        }
        return 0;
    }
}
