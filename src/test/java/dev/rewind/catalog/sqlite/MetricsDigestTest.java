package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.FactsDigest;
import dev.rewind.catalog.NewVersion;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version digest reads the metrics section with typed calls for the usual storage types: it must feed exactly
 * what reading every column as stored (the digest signed before) feeds, for the usual types and for any other.
 */
class MetricsDigestTest {
    @TempDir
    Path dir;

    @Test
    void theTypedReadDigestsExactlyWhatReadingEachColumnAsStoredDoes() throws Exception {
        Path db = dir.resolve("c.db");
        long version;
        try (var c = SqliteCatalog.open(db, true)) {
            version = c.write(tx -> tx.versions().insert(new NewVersion(tx.models().insert("m", Instant.EPOCH), "1",
                    1, Instant.EPOCH, "ana", null, null, null, null)));
        }
        Random rnd = new Random(7);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO metrics(version_id, key, value, step, dataset) VALUES (?,?,?,?,?)")) {
            for (int i = 0; i < 300; i++) {
                ps.setLong(1, version);
                ps.setString(2, "k" + rnd.nextInt(5) + (i % 50 == 0 ? "é\uD83D\uDE00" : ""));
                ps.setObject(3, i % 37 == 0 ? null : i % 41 == 0 ? Double.NaN : i % 43 == 0 ? -0.0
                        : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20));
                ps.setObject(4, i % 3 == 0 ? null : Long.valueOf(rnd.nextInt(1000) - 500L));
                ps.setString(5, i % 7 == 0 ? "eval" : "");
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) { // what a hand-edited or foreign file could hold
                st.executeUpdate("INSERT INTO metrics(version_id, key, value, step, dataset) VALUES (" + version
                        + ", x'6b31', 'text', 2.5, x'00'), (" + version + ", 'k1', 4, 'seven', 'eval'), (" + version
                        + ", 'k2', x'0102', 1e300, '')");
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            String typed = new SqliteChain(new Jdbc(c), null).versionDigest(version);
            assertThat(typed).isEqualTo(readingEachColumnAsStored(c, version));
        }
    }

    /**
     * The import's digests come from the rows as the bulk loader sent them: for ordinary rows (used, not read
     * back), for the ones SQLite may not give back bit for bit, and once another writer added a row, they must equal
     * the digest read back from the file.
     */
    @Test
    void theRowsAsSentDigestExactlyWhatReadingThemBackDoes() throws Exception {
        Path db = dir.resolve("c.db");
        long[] versions = new long[3];
        try (var c = SqliteCatalog.open(db, true)) {
            c.write(tx -> {
                long m = tx.models().insert("m", Instant.EPOCH);
                for (int i = 0; i < versions.length; i++) {
                    versions[i] = tx.versions().insert(new NewVersion(m, "v" + i, i + 1, Instant.EPOCH, "ana", null,
                            null, null, null));
                }
                return null;
            });
        }
        Random rnd = new Random(11);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (int v = 0; v < versions.length; v++) {
                WrittenMetrics written = new WrittenMetrics();
                try (SqliteBulk bulk = new SqliteBulk(new Jdbc(c), written)) {
                    for (int i = 0; i < 3000; i++) {
                        String key = "k" + rnd.nextInt(7) + (i % 97 == 0 ? "é\u00ff\u4e2d" : "")
                                + (v == 1 && i == 2000 ? "\uD83D\uDE00" : "");
                        double value = i % 37 == 0 ? Double.NaN : i % 53 == 0 ? 0.0 : i % 59 == 0 ? 1e15
                                : v == 1 && i == 2500 ? -0.0 : v == 1 && i == 2600 ? Double.NEGATIVE_INFINITY
                                : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
                        bulk.metric(versions[v], key, value, i % 5 == 0 ? null : (long) rnd.nextInt(40) - 3);
                    }
                }
                if (v == 2) {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("INSERT INTO metrics(version_id, key, value, step) VALUES (" + versions[v]
                                + ", 'k1', 1.5, 3)");
                    }
                }
                assertThat(written.known(versions[v])).isEqualTo(v == 1 ? -1 : 3000);
                assertThat(new SqliteChain(new Jdbc(c), written).versionDigest(versions[v]))
                        .isEqualTo(new SqliteChain(new Jdbc(c), null).versionDigest(versions[v]))
                        .isEqualTo(readingEachColumnAsStored(c, versions[v]));
            }
        }
    }

    @Test
    void typedAddsFeedWhatAddingTheBoxedValueFeeds() {
        Random rnd = new Random(3);
        for (int i = 0; i < 1000; i++) {
            long l = rnd.nextLong() >> rnd.nextInt(64);
            double d = i % 10 == 0 ? -0.0 : i % 11 == 0 ? Double.NaN : Double.longBitsToDouble(rnd.nextLong());
            String s = i % 5 == 0 ? "" : "kéy\uD83D\uDE00" + l;
            assertThat(new FactsDigest("x").addLong(l).addDouble(d).addText(s).addText(null).hex())
                    .isEqualTo(new FactsDigest("x").add(l).add(d).add(s).add(null).hex());
        }
    }

    /** The digest as every version digest was computed before the typed read: each column read as stored. */
    private static String readingEachColumnAsStored(Connection c, long version) throws Exception {
        FactsDigest d = new FactsDigest("version");
        String[] sections = {
            "SELECT m.name, v.id, v.model_id, v.label, v.seq, v.created_at, v.author, v.description, v.artifact_uri, "
                    + "v.artifact_sha256, v.artifact_size, v.source_run, v.parent_id FROM versions v "
                    + "LEFT JOIN models m ON m.id = v.model_id WHERE v.id = ?",
            "SELECT key, dataset, step, value FROM metrics WHERE version_id = ? ORDER BY key, dataset, step, value",
            "SELECT key, value FROM params WHERE version_id = ? ORDER BY key",
            "SELECT key, value FROM version_initial_tags WHERE version_id = ? ORDER BY key",
            "SELECT key, value FROM version_provenance WHERE version_id = ? ORDER BY key"};
        for (int s = 0; s < sections.length; s++) {
            try (PreparedStatement ps = c.prepareStatement(sections[s])) {
                ps.setLong(1, version);
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            d.add(rs.getObject(i));
                        }
                    }
                }
                if (s > 0) {
                    d.add("rows").add(rows);
                }
            }
        }
        return d.hex();
    }
}
