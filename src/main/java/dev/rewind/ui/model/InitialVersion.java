package dev.rewind.ui.model;

import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import java.util.List;

/** Which version a model opens on: what its first protected target serves (the usual question), else the newest. */
final class InitialVersion {
    private InitialVersion() {
    }

    /** {@code versions} in time order, {@code targets} in the catalog's order; null when there are no versions. */
    static Version of(List<Version> versions, List<TargetState> targets) {
        if (versions.isEmpty()) {
            return null;
        }
        String live = targets.stream().filter(TargetState::protectedTarget).map(TargetState::liveVersion)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (live != null) {
            for (Version v : versions) {
                if (v.label().equals(live)) {
                    return v;
                }
            }
        }
        return versions.stream().max(java.util.Comparator.comparingLong(Version::seq)).orElseThrow();
    }
}
