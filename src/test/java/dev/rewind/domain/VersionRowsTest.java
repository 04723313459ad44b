package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The catalog's light rows in columns: as rows, as versions made on demand, and their labels by id. */
class VersionRowsTest {
    private static VersionRows rows(long[] ids) {
        int n = ids.length;
        long[] seqs = new long[n];
        long[] times = new long[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            seqs[i] = i + 1;
            times[i] = 1_700_000_000_000L + i * 1_000L;
            labels[i] = "v" + i;
        }
        Map<Long, Map<String, String>> tags = new HashMap<>();
        Map<String, String> failed = new HashMap<>();
        failed.put("FAILED", null); // a bare tag, in another case
        tags.put(ids[1], failed);
        tags.put(ids[2], Map.of("stable", "yes", "owner", "ana"));
        tags.put(-5L, Map.of("failed", "of another model's version")); // in the id range read, never asked for
        return new VersionRows(ids, seqs, times, labels, tags, new long[] {ids[3], ids[0]});
    }

    @Test
    void rowsCarryTheirTagsAndLiveMarksAndTheVersionsAreMadeOnceEach() {
        VersionRows r = rows(new long[] {10, 11, 12, 13, 14});
        assertThat(r).extracting(VersionRow::label).containsExactly("v0", "v1", "v2", "v3", "v4");
        assertThat(r).filteredOn(VersionRow::live).extracting(VersionRow::label).containsExactly("v0", "v3");
        assertThat(r).filteredOn(VersionRow::failed).extracting(VersionRow::label).containsExactly("v1");
        assertThat(r).filteredOn(VersionRow::stable).extracting(VersionRow::label).containsExactly("v2");
        assertThat(r.get(2).tags().keySet()).as("sorted by key").containsExactly("owner", "stable");
        assertThat(r.failed(1)).isTrue();
        assertThat(r.failed(0)).isFalse();
        assertThat(r.stable(2)).isTrue();
        assertThat(r.tags(4)).isEmpty();
        assertThat(r.liveLabels()).containsExactlyInAnyOrder("v0", "v3");
        assertThat(r.createdAtMs(1)).isEqualTo(1_700_000_001_000L);

        List<Version> vs = r.versions("m");
        assertThat(vs).hasSize(5);
        Version v2 = vs.get(2);
        assertThat(v2).isSameAs(vs.get(2)).as("made once, then kept");
        assertThat(v2.model()).isEqualTo("m");
        assertThat(v2.id()).isEqualTo(12);
        assertThat(v2.seq()).isEqualTo(3);
        assertThat(v2.createdAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_002_000L));
        assertThat(v2.stable()).isTrue();
        assertThat(vs.get(1).failed()).isTrue();
        assertThat(v2.metrics()).isEmpty();
        assertThat(vs).extracting(Version::label).containsExactly("v0", "v1", "v2", "v3", "v4");
        assertThat(vs.contains(null)).isFalse();
    }

    @Test
    void labelsByIdAnswerForDenseAndScatteredIdsAndNothingElse() {
        Random random = new Random(7);
        long[] dense = new long[3_000];
        long[] scattered = new long[3_000];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = 1_000 + i * 2L; // dense enough for the array
            scattered[i] = (i + 1) * 1_000_003L + random.nextInt(1_000); // too sparse: the map
        }
        for (long[] ids : List.of(dense, scattered)) {
            VersionRows r = rows(ids);
            LongFunction<String> labels = r.labelsById();
            for (int i = 0; i < ids.length; i++) {
                assertThat(labels.apply(ids[i])).isEqualTo("v" + i);
            }
            assertThat(labels.apply(ids[0] - 1)).isNull();
            assertThat(labels.apply(ids[ids.length - 1] + 1)).isNull();
            assertThat(labels.apply(-1)).isNull();
        }
        assertThat(rows(dense).labelsById().apply(1_001)).as("a gap between two ids").isNull();
        assertThat(VersionRows.none().labelsById().apply(1)).isNull();
        assertThat(VersionRows.none()).isEmpty();
    }

    @Test
    void columnsOutOfOrderOrOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> new VersionRows(new long[] {1, 2}, new long[] {1, 2}, new long[] {5, 4},
                new String[] {"a", "b"}, Map.of(), new long[0])).hasMessageContaining("time order");
        assertThatThrownBy(() -> new VersionRows(new long[] {1, 2}, new long[] {2, 1}, new long[] {5, 5},
                new String[] {"a", "b"}, Map.of(), new long[0])).as("a tie in time goes by seq")
                .hasMessageContaining("time order");
        assertThatThrownBy(() -> new VersionRows(new long[] {1, 2}, new long[] {1}, new long[] {5, 6},
                new String[] {"a", "b"}, Map.of(), new long[0])).hasMessageContaining("lengths");
    }
}
