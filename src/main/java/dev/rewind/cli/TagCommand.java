package dev.rewind.cli;

import dev.rewind.domain.Tags;
import dev.rewind.service.Services;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "tag", description = "Tag a version (failed and stable have meaning for deploy and rollback).")
final class TagCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "VERSION")
    String version;

    @Parameters(index = "2", paramLabel = "KEY[=VALUE]")
    String tag;

    @Mixin
    SharedOptions.Reason reason;

    @Override
    public Integer call() {
        Map.Entry<String, String> t = Tags.parse(tag);
        try (Services services = root.open(false)) {
            services.registry().tag(model, version, t.getKey(), t.getValue(), reason.text);
            root.out.printf("tagged %s %s with %s%n", Show.escaped(model, version, tag));
        }
        return 0;
    }
}
