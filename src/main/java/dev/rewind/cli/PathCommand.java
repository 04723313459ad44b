package dev.rewind.cli;

import dev.rewind.domain.Text;
import dev.rewind.service.PathService;
import dev.rewind.service.Services;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "path", description = "Print where a version's artifact is stored: MODEL@TARGET (what the target "
        + "serves now), MODEL@latest or MODEL:LABEL.")
final class PathCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(paramLabel = "REF", description = "MODEL@TARGET, MODEL@latest or MODEL:LABEL.")
    String ref;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        try (Services services = root.openForReading()) {
            PathService.Resolved r = services.paths().resolve(ref);
            if (json.on) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", r.version().model());
                m.put("version", r.version().label());
                m.put("target", r.target());
                m.put("path", r.path());
                m.put("sha256", r.version().artifact().sha256());
                m.put("size", r.version().artifact().size());
                root.out.println(Json.write(m));
            } else {
                root.out.println(Text.escape(r.path()));
            }
        }
        return 0;
    }
}
