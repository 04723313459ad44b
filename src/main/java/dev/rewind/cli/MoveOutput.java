package dev.rewind.cli;

import dev.rewind.domain.CheckResult;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.MovePreview;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

final class MoveOutput {
    private MoveOutput() {
    }

    /**
     * Prints a move and what reading it back showed; returns the exit code (1 when its check failed). A move to
     * the version already served changed nothing and says so (exit 0, {@code "changed": false}).
     */
    static int print(Move m, boolean json, PrintStream out, PrintStream err) {
        MoveProof proof = m.proof();
        CheckResult check = proof == null ? null : proof.check();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", m.model());
            o.put("target", m.target());
            o.put("kind", m.kind().id());
            o.put("changed", m.changed());
            o.put("from", m.fromVersion());
            o.put("to", m.toVersion());
            o.put("eventId", m.changed() ? m.eventId() : null);
            o.put("at", Json.time(m.at()));
            o.put("servingDir", m.servingDir());
            o.put("recordedOnly", m.recordedOnly());
            o.put("verified", m.verified());
            o.put("proof", proof == null ? null : proof.detail());
            if (check != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("command", check.command());
                c.put("passed", check.passed());
                c.put("outcome", check.outcome().name().toLowerCase(java.util.Locale.ROOT));
                c.put("exitCode", check.exitCode());
                c.put("output", check.output());
                o.put("check", c);
            }
            out.println(Json.write(o));
        } else if (!m.changed()) {
            out.printf("%s already serves %s; nothing changed%n", Show.escaped(m.target(), m.toVersion()));
        } else {
            out.printf("%s %s of %s: %s → %s (event %d)%s%s%n", Show.escaped(m.kind() == EventKind.ROLLBACK
                            ? "rolled back" : "deployed", m.target(), m.model(),
                    m.fromVersion() == null ? "nothing" : m.fromVersion(), m.toVersion(), m.eventId(),
                    m.servingDir() != null ? "; " + m.servingDir() + "/current switched"
                            : m.pointer() != null ? "; " + m.pointer() + " moved" : "",
                    proof == null ? "" : (proof.verified() ? "; verified: " : "; NOT verified: ") + proof.detail()));
            if (m.recordedOnly()) {
                out.println(MovePreview.RECORDED_ONLY);
            }
            if (check != null && check.passed()) {
                out.println(check.describe());
            }
        }
        if (check != null && !check.passed()) {
            err.println("rewind: post-switch " + check.describe() + "; " + m.target() + " of " + m.model()
                    + " serves " + m.toVersion() + " — roll back if it is unhealthy");
            return 1;
        }
        return 0;
    }
}
