package dev.rewind.cli;

import dev.rewind.domain.ModelSummary;
import dev.rewind.service.Services;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "models", description = "List models with their latest version and what each target serves.")
final class ModelsCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        try (Services services = root.openForReading()) {
            List<ModelSummary> models = services.registry().models();
            if (json.on) {
                root.out.println(Json.write(models.stream().map(Json::model).toList()));
                return 0;
            }
            Table t = new Table("MODEL", "VERSIONS", "LATEST", "LIVE");
            for (ModelSummary m : models) {
                t.row(m.name(), m.versionCount(), m.latestVersion(), m.targets().stream()
                        .map(ts -> ts.name() + "=" + (ts.liveVersion() == null ? "-" : ts.liveVersion()))
                        .collect(Collectors.joining(" ")));
            }
            t.print(root.out);
        }
        return 0;
    }

}
