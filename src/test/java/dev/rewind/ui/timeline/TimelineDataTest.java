package dev.rewind.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Artifact;
import dev.rewind.domain.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TimelineData#indexOf}: the binary search agrees with a scan by identity, ties in time included. */
class TimelineDataTest {
    @Test
    void indexOfFindsEveryVersionAndNothingElse() {
        Random random = new Random(14);
        List<Version> vs = new ArrayList<>();
        long at = 1_700_000_000_000L;
        for (int i = 0; i < 2_000; i++) {
            at += random.nextInt(3); // many versions share a millisecond
            vs.add(version(i + 1, "m", "v" + i, i, at));
        }
        TimelineData data = new TimelineData(vs, List.of(), Instant.EPOCH);
        for (int i = 0; i < vs.size(); i++) {
            assertThat(data.indexOf(vs.get(i))).as("version %d", i).isEqualTo(i);
        }
        Version sameIdOtherCatalog = version(5, "m", "other", 4, vs.get(4).createdAt().toEpochMilli());
        assertThat(data.contains(sameIdOtherCatalog)).isFalse();
        assertThat(data.indexOf(version(9_999, "m", "v10", 10, vs.get(10).createdAt().toEpochMilli()))).isEqualTo(-1);
        assertThat(data.indexOf(version(1, "m", "v0", 0, at + 10))).as("a time not drawn").isEqualTo(-1);
        assertThat(data.indexOf(null)).isEqualTo(-1);
        assertThat(TimelineData.EMPTY.contains(vs.get(0))).isFalse();
    }

    @Test
    void aReloadedVersionWithOtherMetricsIsStillTheSameVersion() {
        Version v = version(1, "m", "1.0", 0, 1_000);
        TimelineData data = new TimelineData(List.of(v), List.of(), Instant.EPOCH);
        Version withMetrics = new Version(v.id(), v.model(), v.label(), v.seq(), v.createdAt(), v.author(),
                v.description(), v.artifact(), null, null, Map.of("auc", 0.9), Map.of(), Map.of());
        assertThat(data.indexOf(withMetrics)).isZero();
    }

    private static Version version(long id, String model, String label, long seq, long at) {
        return new Version(id, model, label, seq, Instant.ofEpochMilli(at), "ann", "", new Artifact("file:/m", null,
                null), null, null, Map.of(), Map.of(), Map.of());
    }
}
