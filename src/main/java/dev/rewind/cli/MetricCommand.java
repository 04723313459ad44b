package dev.rewind.cli;

import dev.rewind.domain.Direction;
import dev.rewind.service.Services;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "metric", description = "Metric settings.",
        subcommands = {MetricCommand.SetDirection.class, MetricCommand.ListDirections.class})
final class MetricCommand extends CommandGroup {
    @ParentCommand
    RewindCommand root;

    @Command(name = "set-direction", description = "Say whether higher or lower values of a metric are better.")
    static final class SetDirection implements Callable<Integer> {
        @ParentCommand
        MetricCommand parent;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "higher|lower")
        String direction;

        @Override
        public Integer call() {
            Direction d = Direction.parse(direction);
            try (Services services = parent.root.open(false)) {
                services.compare().setDirection(key, d);
                parent.root.out.printf("%s: %s is better%n", Show.escaped(key, d.id()));
            }
            return 0;
        }
    }

    @Command(name = "directions", description = "List the directions people set (other keys follow their name).")
    static final class ListDirections implements Callable<Integer> {
        @ParentCommand
        MetricCommand parent;

        @Mixin
        SharedOptions.Json json;

        @Override
        public Integer call() {
            try (Services services = parent.root.openForReading()) {
                Map<String, Direction> all = services.compare().directions();
                if (json.on) {
                    Map<String, String> m = new LinkedHashMap<>();
                    all.forEach((k, d) -> m.put(k, d.id()));
                    parent.root.out.println(Json.write(m));
                } else {
                    Table t = new Table("METRIC", "BETTER");
                    all.forEach((k, d) -> t.row(k, d.id()));
                    t.print(parent.root.out);
                }
            }
            return 0;
        }
    }
}
