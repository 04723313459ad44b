package dev.rewind.cli;

import dev.rewind.domain.MetricValue;
import dev.rewind.domain.NextLabel;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Tags;
import dev.rewind.domain.Version;
import dev.rewind.service.RegisterRequest;
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

@Command(name = "register", description = {"Register a new version of a model (the model is created on first use).",
        "Give its label once: as VERSION, --label (auto: the next integer) or --bump."})
final class RegisterCommand implements Callable<Integer> {
    private static final String AUTO = "auto";

    @ParentCommand
    RewindCommand root;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "The new version's label.")
    String version;

    @Option(names = "--label", paramLabel = "LABEL|auto",
            description = "The new version's label; 'auto' takes the next integer (1, 2, 3…).")
    String label;

    @Option(names = "--bump", paramLabel = "major|minor|patch",
            description = "Label the version by bumping the model's highest semver label.")
    Bump bump;

    enum Bump { major, minor, patch }

    @Option(names = "--artifact", required = true, paramLabel = "FILE", description = "File or directory to store.")
    Path artifact;

    @Option(names = "--metric", paramLabel = "K=V", description = "A metric value; repeatable.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--param", paramLabel = "K=V", description = "A parameter; repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "K[=V]", description = "A tag; repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--description", paramLabel = "T")
    String description;

    @Option(names = "--source-run", paramLabel = "ID")
    String sourceRun;

    @Option(names = "--parent", paramLabel = "V", description = "The version this one was derived from.")
    String parent;

    @Mixin
    SharedOptions.Json json;

    @Override
    public Integer call() {
        int given = (version == null ? 0 : 1) + (label == null ? 0 : 1) + (bump == null ? 0 : 1);
        if (given != 1) {
            throw RewindException.badInput((given == 0 ? "register needs the new version's label"
                    : "register takes the new version's label once") + ": give VERSION, --label LABEL, --label auto,"
                    + " or --bump major|minor|patch (try 'rewind register --help')");
        }
        List<MetricValue> ms = new ArrayList<>();
        for (String m : metrics) {
            ms.add(MetricValue.parse(m));
        }
        Map<String, String> ps = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw RewindException.badInput("param '" + p + "' must look like KEY=VALUE");
            }
            ps.put(p.substring(0, eq), p.substring(eq + 1));
        }
        Map<String, String> ts = new LinkedHashMap<>();
        for (String t : tags) {
            Map.Entry<String, String> e = Tags.parse(t);
            ts.put(e.getKey(), e.getValue());
        }
        try (Services services = root.open(false)) {
            Version v = services.registry().register(new RegisterRequest(model, typedLabel(), artifact, ms, ps, ts,
                    description, sourceRun, parent, nextLabel()));
            if (json.on) {
                root.out.println(Json.write(Json.version(v)));
            } else {
                root.out.printf("registered %s %s (#%d, sha256 %s, %d bytes)%n", Show.escaped(v.model(), v.label(),
                        v.seq(), v.artifact().sha256().substring(0, 12), v.artifact().size()));
            }
        }
        return 0;
    }

    private String typedLabel() {
        return version != null ? version : AUTO.equals(label) ? null : label;
    }

    private NextLabel nextLabel() {
        if (bump != null) {
            return NextLabel.valueOf(bump.name().toUpperCase(java.util.Locale.ROOT));
        }
        return AUTO.equals(label) ? NextLabel.AUTO : null;
    }
}
