package dev.rewind.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label Rewind picks for a new version: {@link #AUTO} the next integer after the largest integer label (1 for
 * the first, as MLflow numbers versions), or a semantic-version bump of the highest semver label (an optional 'v'
 * stays). A pre-release is bumped as npm does: {@code 1.2.0-rc.1} → patch or minor {@code 1.2.0}.
 */
public enum NextLabel {
    AUTO, MAJOR, MINOR, PATCH;

    private static final Pattern INTEGER = Pattern.compile("0|[1-9]\\d{0,17}");
    private static final Pattern SEMVER = Pattern.compile(
            "(v?)(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    /** The label after {@code labels}; refused, naming the problem, when a bump finds no semver label. */
    public String after(String model, Collection<String> labels) {
        if (this == AUTO) {
            return Long.toString(labels.stream().filter(l -> INTEGER.matcher(l).matches()).mapToLong(Long::parseLong)
                    .max().orElse(0) + 1);
        }
        SemVer base = highest(labels).orElseThrow(() -> RewindException.refused("cannot bump: model " + model
                + " has no semver label (like 1.4.2) to bump from; give the label, or --label auto"));
        return base.bump(this);
    }

    static Optional<SemVer> highest(Collection<String> labels) {
        return labels.stream().map(SEMVER::matcher).filter(Matcher::matches).map(SemVer::of)
                .max(Comparator.comparingLong(SemVer::major).thenComparingLong(SemVer::minor)
                        .thenComparingLong(SemVer::patch).thenComparing(s -> s.pre() == null));
    }

    record SemVer(String prefix, long major, long minor, long patch, String pre) {
        static SemVer of(Matcher m) {
            return new SemVer(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), m.group(5));
        }

        String bump(NextLabel kind) {
            boolean pre = this.pre != null;
            return switch (kind) {
                case MAJOR -> pre && minor == 0 && patch == 0 ? at(major, 0, 0) : at(major + 1, 0, 0);
                case MINOR -> pre && patch == 0 ? at(major, minor, 0) : at(major, minor + 1, 0);
                case PATCH -> pre ? at(major, minor, patch) : at(major, minor, patch + 1);
                case AUTO -> throw new IllegalArgumentException("not a bump");
            };
        }

        private String at(long a, long b, long c) {
            return prefix + a + "." + b + "." + c;
        }
    }
}
