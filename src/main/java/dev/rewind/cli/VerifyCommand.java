package dev.rewind.cli;

import dev.rewind.domain.Text;
import dev.rewind.service.Services;
import dev.rewind.service.VerifyService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", description = {"Check the catalog, its history, artifacts and serving dirs.",
        "Checks storage integrity, the history's hash chain, targets against their history, artifacts against",
        "their checksums, serving dirs against the catalog. Exit 0 when clean, 1 when problems remain."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Option(names = "--repair", description = "First finish interrupted serving-dir switches.")
    boolean repair;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        try (Services services = repair ? root.openAsIs() : root.openForInspection()) {
            VerifyService.Report r = services.verifier().verify(repair);
            if (json.on) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("clean", r.clean());
                o.put("problems", r.problems());
                o.put("repaired", r.repaired());
                o.put("notes", r.notes());
                root.out.println(Json.write(o));
            } else {
                r.repaired().forEach(line -> root.out.println("repaired: " + Text.escape(line)));
                r.problems().forEach(line -> root.out.println(Text.escape(line)));
                r.notes().forEach(line -> root.out.println("note: " + Text.escape(line)));
                if (r.clean()) {
                    root.out.println("ok: " + services.describe() + " holds to rules 1-6");
                }
            }
            return r.clean() ? 0 : 1;
        }
    }
}
