package dev.rewind.importer.mlflow;

import dev.rewind.domain.RewindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an MLflow file store ({@code mlruns/}) without Python or a server: the registry under
 * {@code models/}, and for each version its run's metrics (lines {@code timestamp value [step]}, with
 * {@code nan}/{@code inf}), params and tags, whose keys may contain {@code /} as nested files. Unknown YAML keys are
 * ignored; a broken file is refused with its path and line.
 */
public final class MlrunsReader implements MlflowStore {
    private static final Set<String> NOT_RUNS = Set.of("tags", "datasets", "traces", "models");

    private final Path root;
    private final StoreFiles disk;
    private final Problems problems;
    private final Map<String, Path> runDirs = new HashMap<>();
    private final Map<String, Map<String, Object>> experiments = new HashMap<>();
    private List<MlflowData.RegisteredModel> models;

    public MlrunsReader(Path root) {
        this.root = root;
        this.disk = new StoreFiles(root);
        this.problems = new Problems(root.toString());
    }

    /** True when {@code dir} looks like an mlruns folder: a models/ registry or experiment folders with meta.yaml. */
    public static boolean looksLikeMlruns(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.isDirectory(dir.resolve("models"))) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isRegularFile(p.resolve("meta.yaml")));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Reads the registry (or the experiment's runs); runs are read when asked for. */
    public MlflowStore open(String runsAsVersions) {
        indexExperiments();
        models = runsAsVersions == null ? registry() : runsAsModel(runsAsVersions);
        problems.throwIfAny();
        return this;
    }

    @Override
    public String source() {
        return root.toString();
    }

    @Override
    public List<MlflowData.RegisteredModel> models() {
        return models;
    }

    @Override
    public MlflowData.Run run(String runId) {
        Path dir = runDirs.get(runId);
        if (dir == null) {
            return null;
        }
        List<MlflowData.Run> read = new ArrayList<>(1);
        problems.each(() -> read.add(run(runId, dir)));
        return read.isEmpty() ? null : read.get(0);
    }

    @Override
    public void history(String runId, Consumer<MlflowData.Point> sink) {
        Path dir = runDirs.get(runId);
        if (dir == null) {
            return;
        }
        problems.each(() -> files(dir.resolve("metrics")).forEach((key, file) -> problems.each(() ->
                disk.lines(file, (line, lineNo) -> {
                    if (!line.isBlank()) {
                        sink.accept(point(key, line.strip(), file, lineNo));
                    }
                }))));
    }

    @Override
    public void throwIfBroken() {
        problems.throwIfAny();
    }

    @Override
    public void close() {
        // nothing is held open between reads
    }

    private void indexExperiments() {
        for (Path exp : list(root)) {
            problems.each(() -> indexExperiment(exp));
        }
    }

    private void indexExperiment(Path exp) {
        String n = exp.getFileName().toString();
        if (n.startsWith(".") || n.equals("models") || !disk.isDirectory(exp) || !disk.exists(exp.resolve("meta.yaml"))) {
            return;
        }
        Map<String, Object> meta = yaml(exp.resolve("meta.yaml"));
        experiments.put(n, meta);
        for (Path run : list(exp)) {
            problems.each(() -> {
                if (!NOT_RUNS.contains(run.getFileName().toString()) && disk.isDirectory(run)
                        && disk.exists(run.resolve("meta.yaml"))) {
                    runDirs.put(run.getFileName().toString(), run);
                }
            });
        }
    }

    private List<MlflowData.RegisteredModel> registry() {
        Path models = root.resolve("models");
        List<MlflowData.RegisteredModel> out = new ArrayList<>();
        if (!disk.isDirectory(models)) {
            return out;
        }
        Map<String, Path> claimed = new HashMap<>();
        for (Path m : list(models)) {
            problems.each(() -> {
                if (!disk.isDirectory(m)) {
                    return;
                }
                MlflowData.RegisteredModel model = model(m);
                Path other = claimed.putIfAbsent(model.name(), m);
                if (other != null) {
                    throw bad(m, "claims model '" + model.name() + "', which " + disk.rel(other) + " also claims");
                }
                out.add(model);
            });
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    private MlflowData.RegisteredModel model(Path m) {
        Map<String, Object> meta = yaml(m.resolve("meta.yaml"));
        String name = str(meta.get("name"), m.getFileName().toString());
        Map<String, Integer> aliases = new TreeMap<>();
        for (Path a : list(m.resolve("aliases"))) {
            problems.each(() -> {
                String v = read(a).strip();
                try {
                    aliases.put(a.getFileName().toString(), Integer.parseInt(v));
                } catch (NumberFormatException e) {
                    throw bad(a, "holds '" + v + "', not a version number");
                }
            });
        }
        List<MlflowData.ModelVersion> versions = new ArrayList<>();
        Map<Integer, Path> claimed = new HashMap<>();
        for (Path v : list(m)) {
            if (!v.getFileName().toString().startsWith("version-")) {
                continue;
            }
            problems.each(() -> {
                MlflowData.ModelVersion mv = version(name, v);
                if (mv == null) {
                    return;
                }
                Path other = claimed.putIfAbsent(mv.version(), v);
                if (other != null) {
                    throw bad(v, "claims version " + mv.version() + ", which " + disk.rel(other) + " also claims");
                }
                versions.add(mv);
            });
        }
        versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return new MlflowData.RegisteredModel(name, str(meta.get("description"), null), keyed(m.resolve("tags")),
                aliases, versions);
    }

    /** One version folder, or null for a version MLflow deleted (Deleted_Internal). */
    private MlflowData.ModelVersion version(String name, Path v) {
        Map<String, Object> vm = yaml(v.resolve("meta.yaml"));
        String stage = str(vm.get("current_stage"), null);
        if ("Deleted_Internal".equals(stage)) {
            return null;
        }
        int number = integer(vm.get("version"), v.resolve("meta.yaml"), "version");
        String source = str(vm.get("source"), null);
        String storage = str(vm.get("storage_location"), null);
        String runId = RunIds.resolve(str(vm.get("run_id"), null), source, storage);
        return new MlflowData.ModelVersion(name, number, Integer.toString(number),
                longValue(vm.get("creation_timestamp")), str(vm.get("user_id"), null),
                str(vm.get("description"), null), stage, source, runId, storage, keyed(v.resolve("tags")),
                longValue(vm.get("last_updated_timestamp")));
    }

    private List<MlflowData.RegisteredModel> runsAsModel(String experiment) {
        String id = null;
        for (var e : experiments.entrySet()) {
            if (e.getKey().equals(experiment) || experiment.equals(str(e.getValue().get("name"), null))) {
                id = e.getKey();
            }
        }
        if (id == null) {
            throw RewindException.badInput("cannot import " + root + ": no experiment named '" + experiment + "'");
        }
        String expName = str(experiments.get(id).get("name"), id);
        List<Object[]> runs = new ArrayList<>();
        for (var r : runDirs.entrySet()) {
            if (!r.getValue().getParent().getFileName().toString().equals(id)) {
                continue;
            }
            Map<String, Object> meta = yaml(r.getValue().resolve("meta.yaml"));
            if ("deleted".equals(str(meta.get("lifecycle_stage"), "active"))) {
                continue;
            }
            runs.add(new Object[] {r.getKey(), meta});
        }
        runs.sort((a, b) -> {
            int c = Long.compare(longValue(((Map<?, ?>) a[1]).get("start_time")), longValue(((Map<?, ?>) b[1]).get("start_time")));
            return c != 0 ? c : ((String) a[0]).compareTo((String) b[0]);
        });
        List<MlflowData.ModelVersion> versions = new ArrayList<>();
        int n = 0;
        for (Object[] r : runs) {
            Map<?, ?> meta = (Map<?, ?>) r[1];
            String runId = (String) r[0];
            String runName = str(meta.get("run_name"), str(meta.get("name"), null));
            if (runName == null) {
                runName = keyed(runDirs.get(runId).resolve("tags")).get("mlflow.runName");
            }
            versions.add(new MlflowData.ModelVersion(expName, ++n, RunIds.label(runName, runId),
                    longValue(meta.get("start_time")), str(meta.get("user_id"), null), null, null, null, runId, null, Map.of()));
        }
        return List.of(new MlflowData.RegisteredModel(expName, null, Map.of(), Map.of(), RunIds.uniqueLabels(versions)));
    }

    private MlflowData.Run run(String id, Path dir) {
        Map<String, Object> meta = yaml(dir.resolve("meta.yaml"));
        Map<String, String> tags = keyed(dir.resolve("tags"));
        String name = str(meta.get("run_name"), str(meta.get("name"), null));
        if (name == null) {
            name = tags.get("mlflow.runName");
        }
        String user = str(meta.get("user_id"), tags.get("mlflow.user"));
        String exp = dir.getParent().getFileName().toString();
        Map<String, Object> em = experiments.getOrDefault(exp, Map.of());
        // the file store keeps no latest values: they come from the history as it streams
        return new MlflowData.Run(id, name, str(em.get("name"), exp), user, longValue(meta.get("start_time")),
                new TreeMap<>(), keyed(dir.resolve("params")), tags);
    }

    private MlflowData.Point point(String key, String line, Path file, int lineNo) {
        String[] p = line.split(" ");
        if (p.length != 2 && p.length != 3) {
            throw bad(file, "line " + lineNo + " is not 'timestamp value [step]': '" + abbreviate(line) + "'");
        }
        try {
            long ts = Long.parseLong(p[0]);
            double value = number(p[1]);
            long step = p.length == 3 ? Long.parseLong(p[2]) : 0;
            return new MlflowData.Point(key, value, step, ts);
        } catch (NumberFormatException e) {
            throw bad(file, "line " + lineNo + " is not 'timestamp value [step]': '" + abbreviate(line) + "'");
        }
    }

    /** Python's str(float) (nan, inf, -inf besides ordinary numbers), read by the one metric grammar. */
    static double number(String s) {
        try {
            return dev.rewind.domain.Numbers.parseMetric("metric", s);
        } catch (dev.rewind.domain.RewindException e) {
            throw new NumberFormatException(e.getMessage());
        }
    }

    /** Files under a folder as key → path, the key being the relative path ('/' in keys makes sub-folders). */
    private Map<String, Path> files(Path dir) {
        Map<String, Path> out = new TreeMap<>();
        if (disk.isDirectory(dir)) {
            walk(dir, dir, out, new java.util.HashSet<>(List.of(disk.realPath(dir))));
        }
        return out;
    }

    /** Links are followed only inside the store (StoreFiles refuses the rest); a link back up is a loop. */
    private void walk(Path base, Path dir, Map<String, Path> out, java.util.Set<Path> above) {
        for (Path p : list(dir)) {
            BasicFileAttributes a = disk.kind(p);
            if (a == null) {
                continue;
            }
            if (a.isDirectory()) {
                Path real = disk.realPath(p);
                if (!above.add(real)) {
                    throw bad(p, "is a symbolic link that loops back to a folder above it");
                }
                walk(base, p, out, above);
                above.remove(real);
            } else if (a.isRegularFile()) {
                out.put(base.relativize(p).toString().replace('\\', '/'), p);
            } else {
                throw bad(p, "is " + StoreFiles.describe(a) + ", not a regular file");
            }
        }
    }

    private Map<String, String> keyed(Path dir) {
        Map<String, String> out = new TreeMap<>();
        files(dir).forEach((k, p) -> out.put(k, read(p)));
        return out;
    }

    private Map<String, Object> yaml(Path file) {
        BasicFileAttributes a = disk.kind(file);
        if (a == null) {
            throw bad(file, "is missing");
        }
        try {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
            if (o == null) {
                return Map.of();
            }
            if (!(o instanceof Map<?, ?> m)) {
                throw bad(file, "is not a YAML mapping");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        } catch (MarkedYAMLException e) {
            throw bad(file, "is not valid YAML (line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem() + ")");
        } catch (YAMLException e) {
            throw bad(file, "is not valid YAML (" + e.getMessage() + ")");
        }
    }

    private String read(Path f) {
        return disk.read(f);
    }

    private List<Path> list(Path dir) {
        return disk.list(dir);
    }

    private RewindException bad(Path file, String problem) {
        return disk.bad(file, problem);
    }

    private static String str(Object o, String dflt) {
        if (o == null) {
            return dflt;
        }
        String s = o.toString();
        return s.isEmpty() || s.equals("null") ? dflt : s;
    }

    private static long longValue(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? 0 : Long.parseLong(o.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private int integer(Object o, Path file, String key) {
        if (o instanceof Integer n) {
            return n;
        }
        try {
            return Integer.parseInt(String.valueOf(o).strip());
        } catch (NumberFormatException e) {
            throw bad(file, "has " + key + " '" + o + "', not a number");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
