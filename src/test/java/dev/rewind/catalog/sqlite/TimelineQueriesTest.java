package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.BulkLoad;
import dev.rewind.catalog.NewVersion;
import dev.rewind.domain.TimeBucket;
import dev.rewind.domain.VersionRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline's reads: what they return, and that SQLite answers them from an index, never a scan of versions. */
class TimelineQueriesTest {
    private static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;
    Path db;

    /** Model "a" with 2,000 versions a minute apart (every 100th failed, 3 stable, #1500 live); "b" with 10. */
    @BeforeEach
    void catalog() {
        db = dir.resolve("c.db");
        try (SqliteCatalog c = SqliteCatalog.open(db, true)) {
            c.write(tx -> {
                long a = tx.models().insert("a", Instant.ofEpochMilli(T0));
                long b = tx.models().insert("b", Instant.ofEpochMilli(T0));
                long target = tx.targets().insert(a, "production", null);
                try (BulkLoad bulk = tx.bulk()) {
                    for (int i = 0; i < 2_000; i++) {
                        long id = bulk.version(new NewVersion(a, "v" + i, i + 1, Instant.ofEpochMilli(T0 + i * MINUTE),
                                "ana", null, null, null, null));
                        bulk.metric(id, "auc", i / 2_000.0, null);
                        if (i % 100 == 50) {
                            bulk.tag(id, "failed", null);
                        }
                        if (i == 10 || i == 11 || i == 1_990) {
                            bulk.tag(id, "stable", null);
                        }
                        if (i < 10) {
                            // interleaved with a's, as versions of two models registered the same day are
                            bulk.version(new NewVersion(b, "w" + i, i + 1, Instant.ofEpochMilli(T0 + i * MINUTE),
                                    "bo", null, null, null, null));
                        }
                        if (i == 1_500) {
                            bulk.flush();
                            tx.targets().point(target, id);
                        }
                    }
                }
                return null;
            });
        }
    }

    private List<VersionRow> rows(String model) {
        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            return c.read(tx -> tx.versions().rows(model));
        }
    }

    private List<TimeBucket> buckets(String model, long from, long to, int n) {
        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            return c.read(tx -> tx.versions().buckets(model, from, to, n));
        }
    }

    @Test
    void lightRowsComeInTimeOrderWithTheirTagsAndLiveMarks() {
        List<VersionRow> rows = rows("a");
        assertThat(rows).hasSize(2_000);
        assertThat(rows).extracting(VersionRow::seq).isSorted();
        assertThat(rows).filteredOn(VersionRow::failed).hasSize(20);
        assertThat(rows).filteredOn(VersionRow::stable).extracting(VersionRow::label)
                .containsExactly("v10", "v11", "v1990");
        assertThat(rows).filteredOn(VersionRow::live).extracting(VersionRow::label).containsExactly("v1500");
        assertThat(rows("b")).extracting(VersionRow::label).startsWith("w0").hasSize(10)
                .allSatisfy(l -> assertThat(l).startsWith("w"));
        assertThat(rows("b")).noneMatch(r -> r.failed() || r.stable() || r.live());
    }

    @Test
    void bucketsCountEverySliceAndCarryItsFlags() {
        // 2,000 minutes in 20 slices of 100 minutes
        List<TimeBucket> buckets = buckets("a", T0, T0 + 2_000 * MINUTE, 20);
        assertThat(buckets).hasSize(20).allMatch(b -> b.count() == 100);
        assertThat(buckets).allMatch(TimeBucket::failed);
        assertThat(buckets).filteredOn(TimeBucket::stable).extracting(TimeBucket::index).containsExactly(0, 19);
        assertThat(buckets).filteredOn(TimeBucket::live).extracting(TimeBucket::index).containsExactly(15);
        assertThat(buckets.get(3).fromMs()).isEqualTo(T0 + 300 * MINUTE);
        // a narrower range counts only what is in it, and leaves empty slices out
        List<TimeBucket> part = buckets("a", T0 + 1_950 * MINUTE, T0 + 2_050 * MINUTE, 4);
        assertThat(part).extracting(TimeBucket::count).containsExactly(25, 25);
    }

    @Test
    void theLanesAreTheTargetsMovesInOrder() {
        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            c.write(tx -> {
                long target = tx.targets().list("a", false).get(0).id();
                long model = tx.models().id("a").orElseThrow();
                long v1 = tx.versions().find("a", "v1").orElseThrow().id();
                long v2 = tx.versions().find("a", "v2").orElseThrow().id();
                tx.events().append(dev.rewind.catalog.EventRecord.draft(T0 + MINUTE, dev.rewind.domain.EventKind.DEPLOY,
                        model, target, null, null, v1, null, null, "first", "ana", "h"));
                tx.events().append(dev.rewind.catalog.EventRecord.draft(T0 + 2 * MINUTE, dev.rewind.domain.EventKind.TAG,
                        model, null, v1, null, null, "x", null, "not a move", "ana", "h"));
                tx.events().append(dev.rewind.catalog.EventRecord.draft(T0 + 3 * MINUTE,
                        dev.rewind.domain.EventKind.ROLLBACK, model, target, null, v1, v2, null, null, "back", "ana", "h"));
                return null;
            });
            List<dev.rewind.catalog.Position> moves = c.read(tx -> tx.events().positions("a"));
            long[] to = moves.stream().mapToLong(dev.rewind.catalog.Position::versionId).toArray();
            java.util.Map<Long, String> labels = c.read(tx -> tx.versions().labels(to));
            assertThat(moves).extracting(m -> labels.get(m.versionId())).containsExactly("v1", "v2");
            assertThat(moves).extracting(dev.rewind.catalog.Position::kind)
                    .containsExactly(dev.rewind.domain.EventKind.DEPLOY, dev.rewind.domain.EventKind.ROLLBACK);
            assertThat(moves.get(1).atMs()).isEqualTo(T0 + 3 * MINUTE);
            List<dev.rewind.catalog.Position> none = c.read(tx -> tx.events().positions("b"));
            assertThat(none).isEmpty();
        }
    }

    @Test
    void theTimelineQueriesUseIndexesNotAScanOfVersions() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            String rows = plan(c, TimelineQueries.ROWS, 1L);
            String buckets = plan(c, TimelineQueries.BUCKETS, T0, T0 + 1_000, 10, 1L, 1L, 100L);
            String tags = plan(c, TimelineQueries.TAGS, 1L, 100L);
            assertThat(rows).contains("USING COVERING INDEX versions_timeline").doesNotContain("SCAN")
                    .doesNotContain("TEMP B-TREE");
            // counting needs only (model_id, created_at) and the rowid: either timeline index covers it
            assertThat(buckets).containsPattern("SEARCH v USING COVERING INDEX versions_(timeline|by_model_time) "
                    + "\\(model_id=\\? AND created_at>\\? AND created_at<\\?\\)")
                    .contains("SEARCH version_tags USING COVERING INDEX version_tags_by_key").doesNotContain("SCAN");
            assertThat(tags).contains("SEARCH version_tags USING PRIMARY KEY");
            // the lanes read the moves alone, from the partial index, never the wide event rows
            assertThat(plan(c, TimelineQueries.LANES, 1L)).contains("SEARCH e USING COVERING INDEX events_moves (model_id=?)")
                    .doesNotContain("SCAN").doesNotContain("TEMP B-TREE");
            // a target's "since" is one probe, not a walk of every event of the target
            assertThat(plan(c, SqliteTargets.LIST + "WHERE m.name = ?", "a"))
                    .contains("SEARCH e USING INDEX events_target_since (target_id=?)").doesNotContain("SCAN");
        }
    }

    @Test
    void theModelListCountsWithoutReadingEveryVersion() throws Exception {
        try (SqliteCatalog c = SqliteCatalog.open(db, true)) {
            c.write(tx -> {
                long empty = tx.models().insert("c-empty", Instant.ofEpochMilli(T0));
                long b = tx.models().id("b").orElseThrow();
                // one more the usual way: numbered after the bulk-loaded ones
                tx.versions().insert(new NewVersion(b, "w-late", tx.versions().nextSeq(b),
                        Instant.ofEpochMilli(T0 - MINUTE), "bo", null, null, null, null));
                return empty;
            });
            var listed = c.read(tx -> tx.models().list());
            assertThat(listed).extracting(m -> m.name()).containsExactly("a", "b", "c-empty");
            try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                for (var m : listed) {
                    try (PreparedStatement ps = conn.prepareStatement("SELECT count(*), max(created_at), "
                            + "(SELECT label FROM versions WHERE model_id = ? ORDER BY seq DESC LIMIT 1) "
                            + "FROM versions WHERE model_id = ?")) {
                        ps.setLong(1, m.id());
                        ps.setLong(2, m.id());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            assertThat(m.versionCount()).as(m.name()).isEqualTo(rs.getInt(1));
                            long at = rs.getLong(2);
                            assertThat(m.latestAt()).as(m.name()).isEqualTo(rs.wasNull() ? null : Instant.ofEpochMilli(at));
                            assertThat(m.latestVersion()).as(m.name()).isEqualTo(rs.getString(3));
                        }
                    }
                }
                assertThat(listed.get(1).latestVersion()).isEqualTo("w-late");
                assertThat(plan(conn, SqliteModels.LIST)).as("no join over every version").doesNotContain("SCAN v")
                        .doesNotContain("SEARCH v ").doesNotContain("SCAN versions")
                        .contains("SEARCH versions USING COVERING INDEX sqlite_autoindex_versions_2 (model_id=?)");
            }
        }
    }

    @Test
    void theModelListsTagWordsComeFromASmallIndexWhenTheCatalogHasOne() throws Exception {
        try (SqliteCatalog c = SqliteCatalog.open(db, true)) {
            c.write(tx -> {
                tx.models().putTag(tx.models().id("b").orElseThrow(), "team", "search");
                return null;
            });
        }
        String join = "SELECT DISTINCT v.model_id FROM version_tags t JOIN versions v%s ON v.id = t.version_id";
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            String by = Indexes.indexedBy(conn, Indexes.VERSIONS_MODEL_OF);
            assertThat(by).as("made when the catalog opened for writing").isEqualTo(" INDEXED BY versions_model_of");
            assertThat(plan(conn, join.formatted(by))).contains("SEARCH v USING COVERING INDEX versions_model_of (id=?)");
            try (var st = conn.createStatement()) {
                st.execute("DROP INDEX versions_model_of");
            }
            assertThat(Indexes.indexedBy(conn, Indexes.VERSIONS_MODEL_OF)).isEmpty();
        }
        // a catalog without it (only opened read-only since it was dropped) lists the same models and words
        try (SqliteCatalog c = SqliteCatalog.openReadOnly(db)) {
            var listed = c.read(tx -> tx.models().list());
            assertThat(listed).extracting(m -> m.name()).containsExactly("a", "b");
            assertThat(listed.get(0).tags()).contains("failed", "stable");
            assertThat(listed.get(1).tags()).containsExactly("team", "team=search");
        }
    }

    private static String plan(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            Jdbc.bind(ps, args);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString("detail"));
                }
            }
            return String.join("\n", lines);
        }
    }
}
