package dev.rewind.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.domain.RewindException;
import dev.rewind.service.LearnScenario.Check;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks a Learn-mode scenario file. Every field is validated up front, so a mistake made while
 * editing or translating the file is reported as one line naming the file, the place and the field, never as
 * a failure halfway through the story.
 */
public final class LearnScenarioLoader {
    static final String FOLDER = "/dev/rewind/learn/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LearnScenarioLoader() {
    }

    /** The shipped scenario, in the default locale's language when a {@code scenario_<lang>.json} exists. */
    public static LearnScenario shipped() {
        return shipped(Locale.getDefault());
    }

    public static LearnScenario shipped(Locale locale) {
        String name = "scenario_" + locale.getLanguage() + ".json";
        if (LearnScenarioLoader.class.getResource(FOLDER + name) == null) {
            name = "scenario.json";
        }
        try (InputStream in = LearnScenarioLoader.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw RewindException.badInput("the Learn scenario " + FOLDER + name + " is missing from Rewind");
            }
            return parse(name, in);
        } catch (IOException e) {
            throw RewindException.badInput("cannot read " + name + ": " + e.getMessage());
        }
    }

    /** Parses a scenario; {@code name} is used in error messages. */
    public static LearnScenario parse(String name, InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw RewindException.badInput(name + " is not valid JSON: " + firstLine(e.getOriginalMessage()) + where);
        } catch (IOException e) {
            throw RewindException.badInput("cannot read " + name + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw RewindException.badInput(name + " is empty");
        }
        if (!root.isObject()) {
            throw RewindException.badInput(name + " must hold one JSON object { … }");
        }
        return new Reader(new ScenarioFields(name)).scenario(root);
    }

    private static String firstLine(String s) {
        String m = s == null ? "" : s.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Reads one file's fields, then checks that they fit together. */
    private record Reader(ScenarioFields f) {
        LearnScenario scenario(JsonNode root) {
            List<LearnScenario.VersionSpec> versions = new ArrayList<>();
            List<JsonNode> vs = f.list(root, "versions", null);
            for (int i = 0; i < vs.size(); i++) {
                versions.add(version(vs.get(i), "version " + (i + 1)));
            }
            List<LearnScenario.TargetSpec> targets = new ArrayList<>();
            List<JsonNode> ts = f.list(root, "targets", null);
            for (int i = 0; i < ts.size(); i++) {
                String where = "target " + (i + 1);
                targets.add(new LearnScenario.TargetSpec(f.text(ts.get(i), "name", where),
                        f.bool(ts.get(i), "servingDir", where)));
            }
            List<LearnScenario.MoveSpec> history = new ArrayList<>();
            List<JsonNode> hs = f.list(root, "history", null);
            for (int i = 0; i < hs.size(); i++) {
                String where = "history entry " + (i + 1);
                JsonNode h = hs.get(i);
                history.add(new LearnScenario.MoveSpec(f.text(h, "target", where), f.text(h, "version", where),
                        f.number(h, "daysAgo", where), f.text(h, "author", where), f.text(h, "reason", where)));
            }
            List<LearnScenario.TagSpec> tags = new ArrayList<>();
            List<JsonNode> gs = f.optionalList(root, "tags", null);
            for (int i = 0; i < gs.size(); i++) {
                String where = "tag " + (i + 1);
                JsonNode g = gs.get(i);
                tags.add(new LearnScenario.TagSpec(f.text(g, "version", where), f.text(g, "key", where),
                        f.optionalText(g, "value", where), f.number(g, "daysAgo", where), f.text(g, "author", where),
                        f.optionalText(g, "reason", where)));
            }
            JsonNode s = f.object(root, "story", null);
            LearnScenario.Story story = new LearnScenario.Story(f.text(s, "target", "story"),
                    f.text(s, "failing", "story"), f.text(s, "lastGood", "story"));
            JsonNode m = f.object(root, "monitor", null);
            LearnScenario.Monitor monitor = new LearnScenario.Monitor(f.text(m, "title", "monitor"),
                    (long) f.number(m, "tickMillis", "monitor"), (int) f.number(m, "window", "monitor"),
                    f.number(m, "alertAbove", "monitor"), f.seriesMap(m, "series", "monitor"));
            JsonNode c = f.object(root, "contrast", null);
            LearnScenario.Contrast contrast = new LearnScenario.Contrast(f.text(c, "title", "contrast"),
                    steps(c, "contrast step"));
            List<LearnScenario.Question> quiz = new ArrayList<>();
            List<JsonNode> qs = f.list(root, "quiz", null);
            for (int i = 0; i < qs.size(); i++) {
                quiz.add(question(qs.get(i), "quiz question " + (i + 1)));
            }
            LearnScenario sc = new LearnScenario(f.text(root, "title", null), f.text(root, "model", null), story,
                    versions, targets, history, tags, monitor, steps(root, "step"), contrast, quiz,
                    f.textMap(root, "labels", null));
            new ScenarioConsistency(f).check(sc);
            return sc;
        }

        LearnScenario.VersionSpec version(JsonNode v, String where) {
            String label = f.text(v, "label", where);
            String named = where + " (" + label + ")";
            double daysAgo = f.number(v, "daysAgo", named);
            if (daysAgo < 0) {
                throw f.error(named, "has a negative 'daysAgo'");
            }
            String host = f.optionalText(v, "host", named);
            return new LearnScenario.VersionSpec(label, daysAgo, f.text(v, "author", named),
                    host == null ? "learn-sandbox" : host, f.text(v, "description", named),
                    f.numberMap(v, "metrics", named), f.seriesMap(v, "curves", named), f.textMap(v, "params", named),
                    f.text(v, "artifact", named));
        }

        List<LearnScenario.Step> steps(JsonNode parent, String noun) {
            List<LearnScenario.Step> out = new ArrayList<>();
            List<JsonNode> ns = f.list(parent, "steps", noun.equals("step") ? null : "contrast");
            for (int i = 0; i < ns.size(); i++) {
                String where = noun + " " + (i + 1);
                JsonNode n = ns.get(i);
                out.add(new LearnScenario.Step(check(f.text(n, "check", where), where), f.text(n, "title", where),
                        f.text(n, "instruction", where), f.text(n, "hint", where), f.text(n, "explanation", where)));
            }
            return out;
        }

        Check check(String id, String where) {
            for (Check c : Check.values()) {
                if (c.id().equals(id)) {
                    return c;
                }
            }
            throw f.error(where, "has 'check' " + id + ", which is not one of "
                    + Arrays.stream(Check.values()).map(Check::id).collect(Collectors.joining(", ")));
        }

        LearnScenario.Question question(JsonNode q, String where) {
            List<String> options = new ArrayList<>();
            for (JsonNode o : f.list(q, "options", where)) {
                if (!o.isTextual() || o.asText().isBlank()) {
                    throw f.error(where, "has an option that is not text");
                }
                options.add(o.asText().strip());
            }
            if (options.size() < 2) {
                throw f.error(where, "needs at least two 'options'");
            }
            double answer = f.number(q, "answer", where);
            if (answer != Math.rint(answer) || answer < 0 || answer >= options.size()) {
                throw f.error(where, "has 'answer' " + q.get("answer") + ", but its options are numbered 0 to "
                        + (options.size() - 1));
            }
            return new LearnScenario.Question(f.text(q, "question", where), options, (int) answer,
                    f.text(q, "explanation", where));
        }
    }

    static Set<String> duplicates(List<String> names) {
        Set<String> seen = new HashSet<>();
        return names.stream().filter(n -> !seen.add(n)).collect(Collectors.toSet());
    }
}
