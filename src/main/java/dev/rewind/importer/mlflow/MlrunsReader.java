package dev.rewind.importer.mlflow;

import dev.rewind.domain.RewindException;
import dev.rewind.importer.mlflow.MlflowReader.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
public final class MlrunsReader {
    private static final Set<String> NOT_RUNS = Set.of("tags", "datasets", "traces", "models");

    private final Path root;
    private final Progress progress;
    private final Map<String, Path> runDirs = new HashMap<>();
    private final Map<String, Map<String, Object>> experiments = new HashMap<>();

    public MlrunsReader(Path root, Progress progress) {
        this.root = root;
        this.progress = progress;
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
        } catch (IOException e) {
            return false;
        }
    }

    public MlflowData read(String runsAsVersions) {
        indexExperiments();
        List<MlflowData.RegisteredModel> models = runsAsVersions == null ? registry() : runsAsModel(runsAsVersions);
        Map<String, MlflowData.Run> runs = new LinkedHashMap<>();
        List<String> needed = models.stream().flatMap(m -> m.versions().stream()).map(MlflowData.ModelVersion::runId)
                .filter(id -> id != null && runDirs.containsKey(id)).distinct().toList();
        long done = 0;
        for (String id : needed) {
            if (progress.cancelled()) {
                throw RewindException.refused("import cancelled; nothing was imported");
            }
            runs.put(id, run(id, runDirs.get(id)));
            progress.report("runs", ++done, needed.size());
        }
        return new MlflowData(root.toString(), models, runs);
    }

    private void indexExperiments() {
        for (Path exp : list(root)) {
            String n = exp.getFileName().toString();
            if (!Files.isDirectory(exp) || n.startsWith(".") || n.equals("models") || !Files.isRegularFile(exp.resolve("meta.yaml"))) {
                continue;
            }
            Map<String, Object> meta = yaml(exp.resolve("meta.yaml"));
            experiments.put(n, meta);
            for (Path run : list(exp)) {
                if (Files.isDirectory(run) && !NOT_RUNS.contains(run.getFileName().toString())
                        && Files.isRegularFile(run.resolve("meta.yaml"))) {
                    runDirs.put(run.getFileName().toString(), run);
                }
            }
        }
    }

    private List<MlflowData.RegisteredModel> registry() {
        Path models = root.resolve("models");
        List<MlflowData.RegisteredModel> out = new ArrayList<>();
        if (!Files.isDirectory(models)) {
            return out;
        }
        for (Path m : list(models)) {
            if (!Files.isDirectory(m) || !Files.isRegularFile(m.resolve("meta.yaml"))) {
                continue;
            }
            Map<String, Object> meta = yaml(m.resolve("meta.yaml"));
            String name = str(meta.get("name"), m.getFileName().toString());
            Map<String, Integer> aliases = new TreeMap<>();
            for (Path a : list(m.resolve("aliases"))) {
                String v = read(a).strip();
                try {
                    aliases.put(a.getFileName().toString(), Integer.parseInt(v));
                } catch (NumberFormatException e) {
                    throw bad(a, "holds '" + v + "', not a version number");
                }
            }
            List<MlflowData.ModelVersion> versions = new ArrayList<>();
            for (Path v : list(m)) {
                String dir = v.getFileName().toString();
                if (!dir.startsWith("version-") || !Files.isRegularFile(v.resolve("meta.yaml"))) {
                    continue;
                }
                Map<String, Object> vm = yaml(v.resolve("meta.yaml"));
                String stage = str(vm.get("current_stage"), null);
                if ("Deleted_Internal".equals(stage)) {
                    continue;
                }
                int number = integer(vm.get("version"), v.resolve("meta.yaml"), "version");
                String source = str(vm.get("source"), null);
                String storage = str(vm.get("storage_location"), null);
                String runId = RunIds.resolve(str(vm.get("run_id"), null), source, storage);
                versions.add(new MlflowData.ModelVersion(name, number, Integer.toString(number),
                        longValue(vm.get("creation_timestamp")), str(vm.get("user_id"), null),
                        str(vm.get("description"), null), stage, source, runId, storage, keyed(v.resolve("tags"))));
            }
            versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
            out.add(new MlflowData.RegisteredModel(name, str(meta.get("description"), null), keyed(m.resolve("tags")),
                    aliases, versions));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
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
        List<MlflowData.Point> history = new ArrayList<>();
        for (var e : files(dir.resolve("metrics")).entrySet()) {
            int lineNo = 0;
            for (String line : read(e.getValue()).split("\n")) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                history.add(point(e.getKey(), line.strip(), e.getValue(), lineNo));
            }
        }
        Map<String, Double> latest = new TreeMap<>();
        RunIds.fillLatest(latest, history);
        Map<String, String> tags = keyed(dir.resolve("tags"));
        String name = str(meta.get("run_name"), str(meta.get("name"), null));
        if (name == null) {
            name = tags.get("mlflow.runName");
        }
        String user = str(meta.get("user_id"), tags.get("mlflow.user"));
        String exp = dir.getParent().getFileName().toString();
        Map<String, Object> em = experiments.getOrDefault(exp, Map.of());
        return new MlflowData.Run(id, name, str(em.get("name"), exp), user, longValue(meta.get("start_time")), latest,
                history, keyed(dir.resolve("params")), tags);
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
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 64, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.put(dir.relativize(file).toString().replace('\\', '/'), file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof FileSystemLoopException) {
                        throw bad(file, "is a symbolic link that loops back to a folder above it");
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw bad(dir, "cannot be read: " + e.getMessage());
        }
        return out;
    }

    private Map<String, String> keyed(Path dir) {
        Map<String, String> out = new TreeMap<>();
        files(dir).forEach((k, p) -> out.put(k, read(p)));
        return out;
    }

    private Map<String, Object> yaml(Path file) {
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
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw bad(f, "cannot be read: " + e.getMessage());
        }
    }

    private List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw bad(dir, "cannot be listed: " + e.getMessage());
        }
    }

    private RewindException bad(Path file, String problem) {
        return RewindException.badInput("cannot import " + root + ": " + root.relativize(file) + " " + problem);
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
        if (o instanceof Number n) {
            return n.intValue();
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
