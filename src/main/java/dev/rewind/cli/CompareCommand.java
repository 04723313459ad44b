package dev.rewind.cli;

import dev.rewind.domain.Comparison;
import dev.rewind.domain.MetricDelta;
import dev.rewind.service.CompareService;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "compare", description = {"Compare versions' metrics; the first version is the baseline.",
        "Deltas are marked better (+) or worse (-) by each metric's direction; missing values show as '-'."})
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    RewindCommand root;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "VERSION")
    List<String> versions = new ArrayList<>();

    @Mixin
    SharedOptions.Json json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the comparison as CSV.")
    Path csv;

    @Override
    public Integer call() {
        try (Services services = root.openForReading()) {
            Comparison cmp = services.compare().compare(model, versions);
            if (csv != null) {
                CompareService.writeCsv(cmp, csv);
            }
            if (json.on) {
                root.out.println(Json.write(json(cmp)));
            } else {
                print(cmp);
            }
        }
        return 0;
    }

    private void print(Comparison cmp) {
        List<String> header = new ArrayList<>(List.of("METRIC", "DIR"));
        header.addAll(cmp.versions());
        for (int i = 1; i < cmp.versions().size(); i++) {
            header.add("Δ " + cmp.versions().get(i));
        }
        Table t = new Table(header.toArray(String[]::new));
        for (Comparison.Row r : cmp.rows()) {
            List<Object> cells = new ArrayList<>(List.of(r.key(), r.direction().arrow()));
            for (int i = 0; i < r.values().size(); i++) {
                double x = r.value(i);
                cells.add(Double.isNaN(x) ? "-" : Show.number(x) + (i == r.best() ? "*" : ""));
            }
            r.deltas().forEach(d -> cells.add(delta(d)));
            t.row(cells.toArray());
        }
        t.print(root.out);
        root.out.println("baseline " + dev.rewind.domain.Text.escape(cmp.baseline()) + "; * best value; (+) better, (-) worse by the metric's direction");
    }

    static String delta(MetricDelta d) {
        if (d.missing()) {
            return "-";
        }
        String rel = Double.isNaN(d.relative()) ? "" : String.format(" (%+.1f%%)", d.relative() * 100);
        String mark = switch (d.verdict()) {
            case BETTER -> " (+)";
            case WORSE -> " (-)";
            default -> "";
        };
        return (d.absolute() >= 0 ? "+" : "") + Show.number(d.absolute()) + rel + mark;
    }

    private static Map<String, Object> json(Comparison cmp) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", cmp.model());
        o.put("baseline", cmp.baseline());
        o.put("versions", cmp.versions());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Comparison.Row r : cmp.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", r.key());
            row.put("direction", r.direction().id());
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < cmp.versions().size(); i++) {
                double x = r.value(i);
                values.put(cmp.versions().get(i), Double.isNaN(x) ? null : Json.number(x));
            }
            row.put("values", values);
            row.put("best", r.best() < 0 ? null : cmp.versions().get(r.best()));
            Map<String, Object> deltas = new LinkedHashMap<>();
            for (int i = 0; i < r.deltas().size(); i++) {
                MetricDelta d = r.deltas().get(i);
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("absolute", Double.isNaN(d.absolute()) ? null : Json.number(d.absolute()));
                dm.put("relative", Double.isNaN(d.relative()) ? null : Json.number(d.relative()));
                dm.put("verdict", d.verdict().name().toLowerCase());
                deltas.put(cmp.versions().get(i + 1), dm);
            }
            row.put("deltas", deltas);
            rows.add(row);
        }
        o.put("metrics", rows);
        return o;
    }
}
