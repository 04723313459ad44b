package dev.rewind.cli;

import dev.rewind.domain.RewindException;
import dev.rewind.service.HistoryService;
import dev.rewind.service.Services;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "targets", description = "What each target serves now, or at a past moment (--at).")
final class TargetsCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(arity = "0..1", paramLabel = "MODEL")
    String model;

    @Option(names = "--at", paramLabel = "TIME", description = "ISO-8601 time, e.g. 2026-11-01T09:30:00Z or 2026-11-01.")
    String at;

    @Option(names = "--all", description = "Also list retired targets, marked so.")
    boolean all;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        if (at != null && model == null) {
            throw RewindException.badInput("--at needs a MODEL");
        }
        try (Services services = root.openForReading()) {
            List<HistoryService.TargetAt> rows;
            if (at != null) {
                rows = services.history().targetsAt(model, HistoryService.parseMoment(at, ZoneId.systemDefault()));
            } else {
                rows = services.deployments().targets(model, all).stream().map(t -> new HistoryService.TargetAt(t.model(),
                        t.name(), t.liveVersion(), t.since(), null, t.servingDir(), t.retired())).toList();
            }
            rows = rows.stream().filter(r -> all || !r.retired()).toList();
            if (json.on) {
                root.out.println(Json.write(rows.stream().map(TargetsCommand::json).toList()));
                return 0;
            }
            Table t = new Table("MODEL", "TARGET", "LIVE", "SINCE", "SERVING DIR");
            rows.forEach(r -> t.row(r.model(), r.target() + (r.retired() ? " (retired)" : ""), r.version(),
                    Json.time(r.since()), r.servingDir()));
            t.print(root.out);
        }
        return 0;
    }

    private static Map<String, Object> json(HistoryService.TargetAt r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("target", r.target());
        m.put("version", r.version());
        m.put("since", Json.time(r.since()));
        m.put("servingDir", r.servingDir());
        m.put("retired", r.retired());
        return m;
    }
}
