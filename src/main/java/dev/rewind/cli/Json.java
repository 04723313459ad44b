package dev.rewind.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Machine-readable output; every time is ISO-8601 UTC. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    static Map<String, Object> version(Version v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", v.model());
        m.put("version", v.label());
        m.put("seq", v.seq());
        m.put("createdAt", time(v.createdAt()));
        m.put("author", v.author());
        m.put("description", v.description());
        m.put("artifactUri", v.artifact() == null ? null : v.artifact().uri());
        m.put("artifactSha256", v.artifact() == null ? null : v.artifact().sha256());
        m.put("artifactSize", v.artifact() == null ? null : v.artifact().size());
        m.put("sourceRun", v.sourceRun());
        m.put("parent", v.parentLabel());
        Map<String, Object> metrics = new LinkedHashMap<>();
        v.metrics().forEach((k, x) -> metrics.put(k, number(x)));
        m.put("metrics", metrics);
        m.put("params", new LinkedHashMap<>(v.params()));
        m.put("tags", new LinkedHashMap<>(v.tags()));
        return m;
    }

    /** JSON has no NaN or infinity: they are written as the strings "NaN", "Infinity", "-Infinity". */
    static Object number(double x) {
        return Double.isFinite(x) ? (Object) x : Double.toString(x);
    }

    static Map<String, Object> model(ModelSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", s.name());
        m.put("versions", s.versionCount());
        m.put("latestVersion", s.latestVersion());
        m.put("latestAt", time(s.latestAt()));
        Map<String, Object> live = new LinkedHashMap<>();
        for (TargetState t : s.targets()) {
            live.put(t.name(), t.liveVersion());
        }
        m.put("live", live);
        return m;
    }

    static List<Map<String, Object>> versions(List<Version> vs) {
        return vs.stream().map(Json::version).toList();
    }
}
