package dev.rewind.service;

import dev.rewind.domain.Confusables;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Text;
import dev.rewind.importer.mlflow.MlflowData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Applies the name policy ({@link Names}) and the one-line text rule ({@link Text}) to everything read from an
 * MLflow store: models and versions before anything is written, each run as the import's transaction reaches it
 * (so a refusal there rolls the transaction back). A store breaking them is refused whole, naming the entry; with
 * {@code renameInvalid}, names get the reversible replacement of {@link Names#escapeInvalid} and texts their
 * visible escapes, and every replacement is listed ("old → new") for the user to see.
 */
final class ImportPolicy {
    /** What the catalog already names, for the look-alike check. */
    record Existing(Set<String> models, Set<String> tagKeys) {
    }

    private final String store;
    private final boolean rename;
    private final List<String> renamed = new ArrayList<>();
    private final Confusables.Index models;
    private final Confusables.Index tagKeys;
    private final Set<String> tagKeyNames;

    ImportPolicy(String store, boolean rename, Existing existing) {
        this.store = store;
        this.rename = rename;
        this.models = new Confusables.Index(existing.models());
        this.tagKeys = new Confusables.Index(existing.tagKeys());
        this.tagKeyNames = new java.util.HashSet<>(existing.tagKeys());
    }

    List<String> renamed() {
        return renamed;
    }

    List<MlflowData.RegisteredModel> models(List<MlflowData.RegisteredModel> models) {
        List<MlflowData.RegisteredModel> out = new ArrayList<>();
        for (MlflowData.RegisteredModel m : models) {
            out.add(model(m));
        }
        return out;
    }

    private MlflowData.RegisteredModel model(MlflowData.RegisteredModel m) {
        String entry = "model '" + shown(m.name()) + "'";
        String name = distinct("model name", entry, name("model name", entry, m.name(), false), models);
        models.add(name);
        Map<String, Integer> aliases = new LinkedHashMap<>();
        // stages become these targets: an alias must not look like them either
        Confusables.Index targets = new Confusables.Index(List.of("production", "staging"));
        m.aliases().forEach((a, n) -> {
            String ae = entry + " alias '" + shown(a) + "'";
            String t = distinct("target name", ae, name("target name", ae, a, false), targets);
            targets.add(t);
            aliases.put(t, n);
        });
        Confusables.Index labels = new Confusables.Index(List.of());
        List<MlflowData.ModelVersion> versions = new ArrayList<>();
        for (MlflowData.ModelVersion v : m.versions()) {
            String ve = entry + " version " + v.version();
            String label = distinct("version label", ve, name("version label", ve, v.label(), true), labels);
            labels.add(label);
            versions.add(new MlflowData.ModelVersion(Text.escape(v.model()), v.version(), label, v.createdAt(),
                    text(ve + " user", v.userId()), text(ve + " description", v.description()), v.stage(),
                    text(ve + " source", v.source()), v.runId(), text(ve + " storage location", v.storageLocation()),
                    tags(ve, v.tags()), v.updatedAt()));
        }
        return new MlflowData.RegisteredModel(name, text(entry + " description", m.description()), tags(entry, m.tags()),
                aliases, versions);
    }

    /** A run passed through the policy, and the policy's metric key for each key its history streams. */
    record CheckedRun(MlflowData.Run run, UnaryOperator<String> metricKey) {
    }

    CheckedRun run(MlflowData.Run r) {
        String entry = "run " + Text.escape(r.runId());
        Map<String, Double> latest = new LinkedHashMap<>();
        Map<String, String> keys = new HashMap<>();
        UnaryOperator<String> metricKey = k -> keys.computeIfAbsent(k, x -> metricKey(entry, k));
        r.latest().forEach((k, x) -> latest.put(metricKey.apply(k), x));
        Map<String, String> params = new LinkedHashMap<>();
        r.params().forEach((k, x) -> {
            String pe = entry + " param '" + shown(k) + "'";
            params.put(name("param key", pe, k, false), text(pe, x));
        });
        Map<String, String> tags = new LinkedHashMap<>();
        // run tags are provenance that MLflow itself writes (notes in markdown, JSON histories): kept, made visible
        r.tags().forEach((k, x) -> tags.put(Text.escape(k), Text.escape(x)));
        return new CheckedRun(new MlflowData.Run(r.runId(), text(entry + " name", r.name()),
                text(entry + " experiment", r.experiment()), text(entry + " user", r.user()), r.startTime(), latest,
                params, tags), metricKey);
    }

    private String metricKey(String entry, String key) {
        return name("metric key", entry + " metric '" + shown(key) + "'", key, false);
    }

    private Map<String, String> tags(String entry, Map<String, String> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach((k, v) -> {
            String te = entry + " tag '" + shown(k) + "'";
            String key = name("tag key", te, k, false);
            if (!tagKeyNames.contains(key)) {
                key = distinct("tag key", te, key, tagKeys);
                tagKeys.add(key);
                tagKeyNames.add(key);
            }
            out.put(key, text(te + " value", v));
        });
        return out;
    }

    private String name(String what, String entry, String raw, boolean label) {
        String why;
        try {
            return label ? Names.label(what, raw) : Names.require(what, raw);
        } catch (RewindException e) {
            why = e.getMessage();
        }
        String replacement = Names.escapeInvalid(raw, label);
        if (!rename || replacement == null) {
            throw refuse(entry, why, replacement == null ? null : "it is imported as '" + replacement + "'");
        }
        renamed.add(entry + " " + what + ": '" + Text.escape(raw) + "' → '" + replacement + "'");
        return replacement;
    }

    private String distinct(String what, String entry, String name, Confusables.Index seen) {
        var like = seen.lookAlike(name);
        if (like.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> sb.append(cp < 0x80 || cp == '%' ? Character.toString(cp) : escape(cp)));
        String replacement = sb.toString();
        boolean usable = !replacement.equals(name) && seen.lookAlike(replacement).isEmpty()
                && Names.problem(replacement) == null;
        String why = what + " '" + Text.escape(name) + "' looks like '" + Text.escape(like.get()) + "'";
        if (!rename || !usable) {
            throw refuse(entry, why, usable ? "it is imported as '" + replacement + "'" : null);
        }
        renamed.add(entry + " " + what + ": '" + Text.escape(name) + "' → '" + replacement + "'");
        return replacement;
    }

    private String text(String entry, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Text.line(entry, value, RegistryService.MAX_TEXT);
        } catch (RewindException e) {
            String replacement = Text.escape(value);
            boolean fits = replacement.codePointCount(0, replacement.length()) <= RegistryService.MAX_TEXT;
            if (!rename || !fits) {
                throw refuse(entry, e.getMessage().substring(entry.length()).strip(),
                        fits ? "its control characters are imported as \\uXXXX escapes" : null);
            }
            renamed.add(entry + ": control characters escaped as \\uXXXX");
            return replacement;
        }
    }

    private RewindException refuse(String entry, String why, String hint) {
        return RewindException.badInput("cannot import " + store + ": " + entry + ": " + why + "; nothing was imported"
                + (hint == null ? "" : " (with --rename-invalid " + hint + ")"));
    }

    /** A name as a message shows it: escaped, and a very long one abbreviated (the name itself is never cut). */
    private static String shown(String name) {
        String e = Text.escape(name);
        return e.codePointCount(0, e.length()) <= 80 ? e : e.substring(0, e.offsetByCodePoints(0, 77)) + "…";
    }

    private static String escape(int cp) {
        StringBuilder sb = new StringBuilder();
        for (byte b : Character.toString(cp).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            sb.append('%').append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }
}
