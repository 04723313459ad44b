package dev.rewind.ui.model;

import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.ui.timeline.TimelineData;
import java.util.List;

/** Which version a model opens on: what its first protected target serves (the usual question), else the newest. */
final class InitialVersion {
    private InitialVersion() {
    }

    /**
     * {@code timeline}'s versions in time order, {@code targets} in the catalog's order; null when there are no
     * versions. Asked off the FX thread, as the model loads (a scan of 100,000 versions).
     */
    static Version of(TimelineData timeline, List<TargetState> targets) {
        List<Version> versions = timeline.versions();
        if (versions.isEmpty()) {
            return null;
        }
        String live = targets.stream().filter(TargetState::protectedTarget).map(TargetState::liveVersion)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Version served = timeline.withLabel(live);
        if (served != null) {
            return served;
        }
        Version newest = versions.get(0);
        for (Version v : versions) {
            if (v.seq() > newest.seq()) {
                newest = v;
            }
        }
        return newest;
    }
}
