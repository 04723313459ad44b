package dev.rewind.importer.gto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code artifacts.yaml} annotations (type, path, description, labels) of each registered version, read at the
 * version's own commit in one {@code git cat-file --batch}. A commit without the file, or with one that does not
 * read as GTO's mapping, gives a version no annotations: they describe, they never decide what is imported.
 */
final class Annotations {
    private static final System.Logger LOG = System.getLogger(Annotations.class.getName());
    static final String FILE = "artifacts.yaml";
    private static final int MAX_BYTES = 1 << 20;

    private final Git git;

    Annotations(Git git) {
        this.git = git;
    }

    Map<String, Map<String, GtoData.Annotations>> read(List<GtoData.Event> events) {
        Set<String> commits = new LinkedHashSet<>();
        events.stream().filter(e -> e.tag().kind() == GtoTag.Kind.REGISTER).forEach(e -> commits.add(e.commit()));
        Map<String, Map<?, ?>> files = files(commits);
        Map<String, Map<String, GtoData.Annotations>> out = new HashMap<>();
        for (GtoData.Event e : events) {
            if (e.tag().kind() != GtoTag.Kind.REGISTER) {
                continue;
            }
            Object entry = files.getOrDefault(e.commit(), Map.of()).get(e.tag().artifact());
            if (entry instanceof Map<?, ?> m) {
                out.computeIfAbsent(e.tag().artifact(), a -> new LinkedHashMap<>()).put(e.tag().version(),
                        new GtoData.Annotations(text(m.get("type")), text(m.get("path")), text(m.get("description")),
                                labels(m.get("labels"))));
            }
        }
        return out;
    }

    private Map<String, Map<?, ?>> files(Set<String> commits) {
        Map<String, Map<?, ?>> out = new HashMap<>();
        if (commits.isEmpty()) {
            return out;
        }
        List<String> order = new ArrayList<>(commits);
        StringBuilder in = new StringBuilder();
        order.forEach(c -> in.append(c).append(':').append(FILE).append('\n'));
        byte[] b = git.read(in.toString(), "cat-file", "--batch").out();
        int pos = 0;
        for (String commit : order) {
            int nl = indexOf(b, pos);
            if (nl < 0) {
                break;
            }
            String header = new String(b, pos, nl - pos, StandardCharsets.UTF_8);
            pos = nl + 1;
            String[] h = header.split(" ");
            if (h.length != 3) {
                continue; // "<commit>:artifacts.yaml missing": no annotations at that commit
            }
            int size = Integer.parseInt(h[2]);
            if ("blob".equals(h[1]) && size <= MAX_BYTES) {
                parse(commit, new String(b, pos, size, StandardCharsets.UTF_8), out);
            }
            pos += size + 1;
        }
        return out;
    }

    private static void parse(String commit, String yaml, Map<String, Map<?, ?>> out) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            Object o = new Yaml(new SafeConstructor(options)).load(yaml);
            if (o instanceof Map<?, ?> m) {
                out.put(commit, m);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, FILE + " at " + commit + " does not read as YAML; its versions keep"
                    + " no annotations", e);
        }
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static List<String> labels(Object o) {
        if (o instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return o == null ? List.of() : List.of(o.toString());
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
