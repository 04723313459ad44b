package dev.rewind.cli;

import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.RewindException;
import dev.rewind.service.Services;
import dev.rewind.service.TargetRules;
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

@Command(name = "guard", description = {"Set a target's metric guards (replacing the old ones), or --clear them.",
        "A version that misses a guard, or lacks the metric, moves there only with --override."})
final class TargetGuardCommand implements Callable<Integer> {
    @ParentCommand
    TargetCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Option(names = "--min", paramLabel = "KEY=VALUE", description = "The metric must be at least VALUE.")
    List<String> min = new ArrayList<>();

    @Option(names = "--max", paramLabel = "KEY=VALUE", description = "The metric must be at most VALUE.")
    List<String> max = new ArrayList<>();

    @Option(names = "--clear", description = "Remove every guard of the target.")
    boolean clear;

    @Mixin
    SharedOptions.Reason reason;

    @Override
    public Integer call() {
        if (clear != (min.isEmpty() && max.isEmpty())) {
            throw RewindException.badInput(clear ? "--clear cannot be combined with --min or --max"
                    : "give --min KEY=VALUE, --max KEY=VALUE or --clear");
        }
        Map<String, Double[]> bounds = new LinkedHashMap<>();
        min.forEach(spec -> bounds.computeIfAbsent(key(spec), k -> new Double[2])[0] = value(spec));
        max.forEach(spec -> bounds.computeIfAbsent(key(spec), k -> new Double[2])[1] = value(spec));
        List<MetricGuard> guards = new ArrayList<>();
        bounds.forEach((k, b) -> guards.add(new MetricGuard(k, b[0], b[1])));
        RewindCommand root = parent.root;
        try (Services services = root.open(false)) {
            services.targetRules().guard(model, target, guards, reason.text);
            root.out.printf("guards of %s of %s: %s%n", target, model, TargetRules.describe(guards));
        }
        return 0;
    }

    private static String key(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw RewindException.badInput("guard '" + spec + "' is not KEY=VALUE");
        }
        return spec.substring(0, eq);
    }

    private static double value(String spec) {
        String v = spec.substring(spec.indexOf('=') + 1);
        String problem = "guard '" + spec + "': '" + v + "' is not a number";
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new RewindException(RewindException.BAD_INPUT, problem, e);
        }
        if (!Double.isFinite(d)) {
            throw RewindException.badInput(problem);
        }
        return d;
    }
}
