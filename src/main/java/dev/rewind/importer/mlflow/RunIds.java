package dev.rewind.importer.mlflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MLflow's fallbacks for finding a version's run, and small rules shared by both store readers. */
public final class RunIds {
    private static final Pattern RUNS_URI = Pattern.compile("^runs:/([0-9a-fA-F]{32})(/|$)");
    private static final Pattern RUN_PATH = Pattern.compile("(^|/)([^/]+)/([0-9a-f]{32})/artifacts(/|$)");
    private static final Pattern LOGGED_MODEL = Pattern.compile("^models:/(m-[0-9a-fA-F]+)(/|$)");

    private RunIds() {
    }

    /**
     * The run of a version: its run id, else one parsed from {@code runs:/<id>/…} or
     * {@code …/<experiment>/<id>/artifacts/…} in the source or storage location; null when none can be told.
     */
    public static String resolve(String runId, String source, String storageLocation) {
        String id = blankToNull(runId);
        if (id != null && !id.startsWith("REDACTED")) {
            return id;
        }
        for (String s : new String[] {source, storageLocation}) {
            if (s == null) {
                continue;
            }
            Matcher m = RUNS_URI.matcher(s);
            if (m.find()) {
                return m.group(1).toLowerCase();
            }
            m = RUN_PATH.matcher(s);
            if (m.find()) {
                return m.group(3);
            }
        }
        return null;
    }

    /** The logged-model id in a {@code models:/m-…} source (MLflow 3), or null. */
    public static String loggedModelId(String source) {
        if (source == null) {
            return null;
        }
        Matcher m = LOGGED_MODEL.matcher(source);
        return m.find() ? m.group(1) : null;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A run imported as a version is labelled by its name, else by the start of its id. A name that breaks the
     * name policy is kept as it is, so the import refuses it or renames it visibly, never swaps it silently.
     */
    public static String label(String runName, String runId) {
        String n = blankToNull(runName);
        return n != null ? n : runId.substring(0, Math.min(8, runId.length()));
    }

    /** Runs sharing a name get their id appended, so labels stay unique within the model. */
    public static List<MlflowData.ModelVersion> uniqueLabels(List<MlflowData.ModelVersion> versions) {
        Map<String, Integer> counts = new HashMap<>();
        versions.forEach(v -> counts.merge(v.label(), 1, Integer::sum));
        List<MlflowData.ModelVersion> out = new ArrayList<>();
        for (MlflowData.ModelVersion v : versions) {
            String label = counts.get(v.label()) > 1 ? v.label() + " (" + v.runId().substring(0, Math.min(8, v.runId().length())) + ")" : v.label();
            out.add(new MlflowData.ModelVersion(v.model(), v.version(), label, v.createdAt(), v.userId(), v.description(),
                    v.stage(), v.source(), v.runId(), v.storageLocation(), v.tags(), v.updatedAt()));
        }
        return out;
    }
}
