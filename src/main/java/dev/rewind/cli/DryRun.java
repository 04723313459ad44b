package dev.rewind.cli;

import dev.rewind.domain.EventKind;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code deploy/rollback --dry-run}: what the move would do and what it amounts to in the team's own tool, from a
 * catalog opened only for reading, so nothing anywhere is written.
 */
final class DryRun {
    private DryRun() {
    }

    static int print(Services services, MoveRequest r, boolean rollback, boolean json, PrintStream out, PrintStream err) {
        MoveRequest withVersion = r;
        if (r.version().isEmpty()) {
            String candidate = services.deployments().rollbackCandidate(r.model(), r.target());
            if (candidate == null) {
                throw RewindException.refused("nothing to roll back " + r.target() + " of " + r.model() + " to");
            }
            withVersion = MoveRequest.of(r.model(), r.target(), candidate);
        }
        MovePreview p = services.deployments().preview(withVersion);
        String from = p.current() == null ? "nothing" : p.current().label();
        boolean asRollback = rollback || p.kind() == EventKind.ROLLBACK;
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("dryRun", true);
            o.put("model", p.model());
            o.put("target", p.target());
            o.put("kind", asRollback ? EventKind.ROLLBACK.id() : EventKind.DEPLOY.id());
            o.put("from", p.current() == null ? null : p.current().label());
            o.put("to", p.chosen().label());
            o.put("allowed", p.allowed());
            o.put("blocker", p.blocker());
            o.put("warnings", p.warnings());
            o.put("recordedOnly", p.recordedOnly());
            o.put("nativeEquivalent", p.nativeEquivalent());
            out.println(Json.write(o));
        } else {
            out.printf("dry run: would %s %s of %s: %s → %s; nothing was changed%n", Show.escaped(asRollback
                    ? "roll back" : "deploy", p.target(), p.model(), from, p.chosen().label()));
            p.warnings().forEach(w -> out.printf("warning: %s%n", Show.escaped(w)));
            if (p.nativeEquivalent() != null) {
                out.printf("amounts to: %s%n", Show.escaped(p.nativeEquivalent()));
            } else if (p.recordedOnly()) {
                out.println(MovePreview.RECORDED_ONLY);
            }
        }
        if (!p.allowed()) {
            err.println("rewind: the move would be refused: " + dev.rewind.domain.Text.escape(p.blocker()));
            return 1;
        }
        return 0;
    }
}
