package dev.rewind.cli;

import dev.rewind.domain.Move;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

final class MoveOutput {
    private MoveOutput() {
    }

    static void print(Move m, boolean json, PrintStream out) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", m.model());
            o.put("target", m.target());
            o.put("kind", m.kind().id());
            o.put("from", m.fromVersion());
            o.put("to", m.toVersion());
            o.put("eventId", m.eventId());
            o.put("at", Json.time(m.at()));
            o.put("servingDir", m.servingDir());
            out.println(Json.write(o));
            return;
        }
        out.printf("%s %s of %s: %s → %s (event %d)%s%n", Show.escaped(m.kind() == dev.rewind.domain.EventKind.ROLLBACK
                        ? "rolled back" : "deployed", m.target(), m.model(),
                m.fromVersion() == null ? "nothing" : m.fromVersion(), m.toVersion(), m.eventId(),
                m.servingDir() == null ? "" : "; " + m.servingDir() + "/current switched"));
    }
}
