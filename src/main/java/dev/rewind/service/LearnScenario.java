package dev.rewind.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;

/**
 * Learn mode's story as data (read from {@code scenario.json} by {@link LearnScenarioLoader}): the sandbox
 * catalog to build, the simulated live monitor, the steps with their texts and checks, the second run without
 * versioning, the concept checks, and the panel's labels. Every field of the file is required unless its
 * component is {@link Omittable}; the rules a single record can check itself are in its constructor, so that the
 * loader reports them at the place they were broken.
 */
public record LearnScenario(String title, String model, Story story, List<VersionSpec> versions,
                            List<TargetSpec> targets, List<MoveSpec> history, @Omittable List<TagSpec> tags,
                            Monitor monitor, List<Step> steps, Contrast contrast, List<Question> quiz,
                            @Omittable Map<String, String> labels) {

    public LearnScenario {
        filled(versions, "versions");
        filled(targets, "targets");
        filled(history, "history");
        filled(steps, "steps");
        filled(quiz, "quiz");
        tags = tags == null ? List.of() : tags;
        labels = labels == null ? Map.of() : labels;
    }

    /** A field the file may leave out or set to null. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Omittable {
    }

    /** The target that fails, the version failing in it, and the version to roll back to. */
    public record Story(String target, String failing, String lastGood) {
    }

    /** A version to register; {@code curves} maps a metric key to its values by step (1, 2, …). */
    public record VersionSpec(String label, double daysAgo, String author, @Omittable String host, String description,
                              @Omittable Map<String, Double> metrics, @Omittable Map<String, List<Double>> curves,
                              @Omittable Map<String, String> params, String artifact) {
        public VersionSpec {
            if (daysAgo < 0) {
                throw new IllegalArgumentException("has a negative 'daysAgo'");
            }
            host = host == null ? "learn-sandbox" : host;
            metrics = metrics == null ? Map.of() : metrics;
            curves = curves == null ? Map.of() : curves;
            curves.forEach((key, values) -> filled(values, "curves' '" + key));
            params = params == null ? Map.of() : params;
        }
    }

    public record TargetSpec(String name, boolean servingDir) {
    }

    /** A deploy in the sandbox's past. */
    public record MoveSpec(String target, String version, double daysAgo, String author, String reason) {
    }

    /** A tag in the sandbox's past; {@code value} and {@code reason} may be null. */
    public record TagSpec(String version, String key, @Omittable String value, double daysAgo, String author,
                          @Omittable String reason) {
    }

    /** The simulated monitor: one value per tick from the series of the version the story's target serves. */
    public record Monitor(String title, long tickMillis, int window, double alertAbove,
                          Map<String, List<Double>> series) {
        public Monitor {
            series.forEach((version, values) -> filled(values, "series' '" + version));
        }
    }

    /** One step of the story: what to do, a hint, and what it taught once the check passes. */
    public record Step(Check check, String title, String instruction, String hint, String explanation) {
    }

    /** The second run: the same story where the artifact was overwritten in place. */
    public record Contrast(String title, List<Step> steps) {
        public Contrast {
            filled(steps, "steps");
        }
    }

    /** A multiple-choice concept check; {@code answer} is the index of the right option. */
    public record Question(String question, List<String> options, int answer, String explanation) {
        public Question {
            if (options.size() < 2) {
                throw new IllegalArgumentException("needs at least two 'options'");
            }
            if (answer < 0 || answer >= options.size()) {
                throw new IllegalArgumentException("has 'answer' " + answer + ", but its options are numbered 0 to "
                        + (options.size() - 1));
            }
        }
    }

    /** What the window must show before a step counts as done; the scenario names them by {@link #id()}. */
    public enum Check {
        /** Each version was selected on the timeline. */
        VISIT_VERSIONS("visit-versions"),
        /** The monitor crossed its alert line while the failing version was live. */
        MONITOR_ALERT("monitor-alert"),
        /** The Compare tab shows the last good and the failing version. */
        COMPARE("compare-good-and-failing"),
        /** The target serves the last good version after a rollback away from the failing one, with a reason. */
        ROLLBACK("rollback-with-reason"),
        /** The monitor is back under its alert line with the last good version live. */
        MONITOR_RECOVERS("monitor-recovers"),
        /** The failing version carries the tag {@code failed}. */
        TAG_FAILED("tag-failed"),
        /** The History tab is open. */
        READ_HISTORY("read-history"),
        /** A rollback of the target was shown for confirmation and refused (its artifact is unusable). */
        ROLLBACK_REFUSED("rollback-refused");

        private final String id;

        Check(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    public VersionSpec version(String label) {
        return versions.stream().filter(v -> v.label().equals(label)).findFirst().orElse(null);
    }

    /** A panel label from the file, or {@code fallback}; {@code args} fill {0}, {1}, … */
    public String label(String key, String fallback, Object... args) {
        String pattern = labels.getOrDefault(key, fallback);
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''")).format(args);
    }

    private static void filled(List<?> list, String field) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("has an empty '" + field + "'");
        }
    }
}
