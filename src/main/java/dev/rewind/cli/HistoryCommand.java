package dev.rewind.cli;

import dev.rewind.domain.Event;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MoveProof;
import dev.rewind.service.Services;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = "Every change to a model, newest first.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(paramLabel = "MODEL")
    String model;

    @Option(names = "--target", paramLabel = "T")
    String target;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        try (Services services = root.openForReading()) {
            List<Event> events = services.history().history(model, target);
            Map<Long, MoveProof> proofs = services.history().proofs(model);
            if (json.on) {
                root.out.println(Json.write(events.stream().map(e -> json(e, proofs.get(e.id()))).toList()));
                return 0;
            }
            Table t = new Table("ID", "AT", "KIND", "TARGET", "CHANGE", "ACTOR", "HOST", "REASON", "PROOF");
            for (Event e : events) {
                MoveProof p = proofs.get(e.id());
                // an imported move also shows when its source says it happened (approximate: "≈")
                String when = e.effectiveAt() == null ? "" : " ≈ " + Json.time(e.effectiveAt());
                t.row(e.id(), Json.time(e.at()), e.kind().id(), e.target(), change(e) + when, e.actor(), e.host(), e.reason(),
                        p == null ? null : p.summary());
            }
            t.print(root.out);
        }
        return 0;
    }

    static String change(Event e) {
        switch (e.kind()) {
            case IMPORT:
                if (e.target() == null) {
                    return e.version();
                }
                return (e.fromVersion() == null ? "∅" : e.fromVersion()) + " → " + e.toVersion();
            case DEPLOY: case ROLLBACK:
                return (e.fromVersion() == null ? "∅" : e.fromVersion()) + " → " + e.toVersion()
                        + MoveOverride.describe(e.overrides());
            case TAG:
                return e.version() + " +" + e.tagKey() + (e.tagValue() == null ? "" : "=" + e.tagValue());
            case UNTAG:
                return e.version() + " -" + e.tagKey();
            case REGISTER:
                return e.version();
            case PROTECT:
                return "protected";
            case UNPROTECT:
                return "unprotected";
            case GUARD:
                return "guards: " + e.tagValue();
            case RETIRE:
                return "retired";
            default:
                return "";
        }
    }

    private static Map<String, Object> json(Event e, MoveProof p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", Json.time(e.at()));
        m.put("effectiveAt", e.effectiveAt() == null ? null : Json.time(e.effectiveAt()));
        m.put("kind", e.kind().id());
        m.put("model", e.model());
        m.put("target", e.target());
        m.put("from", e.fromVersion());
        m.put("to", e.toVersion());
        m.put("version", e.version());
        m.put("tag", e.tagKey());
        m.put("tagValue", e.tagValue());
        m.put("reason", e.reason());
        m.put("overrides", e.overrides().stream().sorted().map(MoveOverride::id).toList());
        m.put("actor", e.actor());
        m.put("host", e.host());
        m.put("hash", e.hash());
        if (p != null) {
            m.put("verified", p.verified());
            m.put("proof", p.detail());
            m.put("check", p.check() == null ? null : p.check().describe());
            m.put("checkPassed", p.check() == null ? null : p.check().passed());
        }
        return m;
    }
}
