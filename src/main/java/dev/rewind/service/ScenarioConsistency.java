package dev.rewind.service;

import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that a scenario's parts fit together: every name it refers to exists, and the story can be played. */
final class ScenarioConsistency {
    private final ScenarioErrors f;

    ScenarioConsistency(ScenarioErrors f) {
        this.f = f;
    }

    void check(LearnScenario s) {
        name("model", s.model(), null);
        List<String> labels = s.versions().stream().map(LearnScenario.VersionSpec::label).toList();
        labels.forEach(l -> name("version label", l, "'versions'"));
        Set<String> twice = duplicates(labels);
        if (!twice.isEmpty()) {
            throw f.error("'versions'", "lists " + String.join(", ", twice) + " more than once");
        }
        List<String> targets = s.targets().stream().map(LearnScenario.TargetSpec::name).toList();
        targets.forEach(t -> name("target name", t, "'targets'"));
        if (!duplicates(targets).isEmpty()) {
            throw f.error("'targets'", "lists a target more than once");
        }
        for (int i = 0; i < s.history().size(); i++) {
            LearnScenario.MoveSpec m = s.history().get(i);
            String where = "history entry " + (i + 1);
            known(targets, m.target(), where, "target");
            LearnScenario.VersionSpec v = knownVersion(s, m.version(), where);
            if (m.daysAgo() > v.daysAgo()) {
                throw f.error(where, "deploys " + v.label() + " " + m.daysAgo() + " days ago, before it was registered ("
                        + v.daysAgo() + " days ago)");
            }
        }
        for (int i = 0; i < s.tags().size(); i++) {
            knownVersion(s, s.tags().get(i).version(), "tag " + (i + 1));
        }
        story(s, targets);
        monitor(s);
    }

    private void story(LearnScenario s, List<String> targets) {
        LearnScenario.Story st = s.story();
        known(targets, st.target(), "story", "target");
        int failing = s.versions().indexOf(knownVersion(s, st.failing(), "story"));
        int good = s.versions().indexOf(knownVersion(s, st.lastGood(), "story"));
        if (good >= failing) {
            throw f.error("story", "needs 'lastGood' (" + st.lastGood() + ") listed before 'failing' ("
                    + st.failing() + ") in 'versions', so that going back to it is a rollback");
        }
        String live = s.history().stream().filter(m -> m.target().equals(st.target()))
                .min(Comparator.comparingDouble(LearnScenario.MoveSpec::daysAgo))
                .map(LearnScenario.MoveSpec::version).orElse(null);
        if (!st.failing().equals(live)) {
            throw f.error("story", "needs " + st.target() + " to serve " + st.failing()
                    + " after the last deploy in 'history', but it serves " + (live == null ? "nothing" : live));
        }
    }

    private void monitor(LearnScenario s) {
        LearnScenario.Monitor m = s.monitor();
        if (m.tickMillis() < 50) {
            throw f.error("monitor", "has 'tickMillis' " + m.tickMillis() + "; use 50 or more");
        }
        if (m.window() < 5) {
            throw f.error("monitor", "has 'window' " + m.window() + "; show at least 5 points");
        }
        if (m.alertAbove() <= 0) {
            throw f.error("monitor", "needs a positive 'alertAbove'");
        }
        for (LearnScenario.VersionSpec v : s.versions()) {
            if (!m.series().containsKey(v.label())) {
                throw f.error("monitor", "has no 'series' for version " + v.label());
            }
        }
    }

    private LearnScenario.VersionSpec knownVersion(LearnScenario s, String label, String where) {
        LearnScenario.VersionSpec v = s.version(label);
        if (v == null) {
            throw f.error(where, "names version " + label + ", which is not in 'versions'");
        }
        return v;
    }

    private void known(List<String> names, String name, String where, String noun) {
        if (!names.contains(name)) {
            throw f.error(where, "names " + noun + " " + name + ", which is not in 'targets'");
        }
    }

    private void name(String what, String value, String where) {
        try {
            Names.require(what, value);
        } catch (RewindException e) {
            throw f.error(where, "has a bad " + what + ": " + e.getMessage());
        }
    }

    private static Set<String> duplicates(List<String> names) {
        Set<String> seen = new HashSet<>();
        return names.stream().filter(n -> !seen.add(n)).collect(Collectors.toSet());
    }
}
