package dev.rewind.bench;

import dev.rewind.catalog.sqlite.TimelineQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * The reference for model-ms: the sqlite3 shell running the statements the timeline's first paint runs, on the same
 * file. The SQL is {@link TimelineQueries}' own public constants, not a restatement, so the two cannot drift; its
 * parameters are bound with the shell's {@code .param set}, as the JDBC driver binds them. One shell process runs
 * them all (model id, light rows, their tags, what is live, the lanes' moves), and its start-up counts, as the
 * window's model-ms counts everything from the click.
 */
public final class Sqlite3Shell {
    private static final String SHELL = "/usr/bin/sqlite3";

    private Sqlite3Shell() {
    }

    /**
     * The light rows and lane moves as a client would naturally ask for them, one row per version or move: the
     * window packs each into one value ({@link TimelineQueries#ROWS}, {@link TimelineQueries#LANES}) because its
     * driver pays per column, while the shell pays for the packing instead, so the plain statements are the
     * shell's floor and the fair reference. The moves name their version by id, as the window's do (it names them
     * from the versions it has just read).
     */
    static final String PLAIN_ROWS = "SELECT v.id, v.label, v.seq, v.created_at FROM versions v "
            + "WHERE v.model_id = ? ORDER BY v.model_id, v.created_at, v.seq";
    static final String PLAIN_LANES = "SELECT e.target_id, e.at, e.kind, e.to_version_id FROM events e "
            + "WHERE e.model_id = ? "
            + "AND e.kind IN ('deploy','rollback','import') AND e.target_id IS NOT NULL ORDER BY e.model_id, e.id";

    /**
     * The script for one model: {@code modelId} and the version-id range {@code lo..hi} its tags are read in;
     * {@code packed}: the window's own statements, else the plain ones.
     */
    static String script(String model, long modelId, long lo, long hi, boolean packed) {
        return ".param set ?1 '" + model + "'\n" + TimelineQueries.MODEL_ID + ";\n.param clear\n"
                + ".param set ?1 " + modelId + "\n" + (packed ? TimelineQueries.ROWS : PLAIN_ROWS) + ";\n"
                + TimelineQueries.LIVE + ";\n" + (packed ? TimelineQueries.LANES : PLAIN_LANES) + ";\n.param clear\n"
                + ".param set ?1 " + lo + "\n.param set ?2 " + hi + "\n" + TimelineQueries.TAGS + ";\n";
    }

    /**
     * As {@link #medianMs(Path, String, long, long, long, int, boolean)} for {@code model}, its id and the range of
     * its versions' ids looked up in {@code db} (opened read-only).
     */
    public static double medianMs(Path db, String model, int rounds, boolean packed) throws Exception {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), readOnly.toProperties());
             PreparedStatement id = c.prepareStatement(TimelineQueries.MODEL_ID);
             PreparedStatement range = c.prepareStatement("SELECT min(id), max(id) FROM versions WHERE model_id = ?")) {
            id.setString(1, model);
            long modelId;
            try (ResultSet rs = id.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no model " + model + " in " + db);
                }
                modelId = rs.getLong(1);
            }
            range.setLong(1, modelId);
            try (ResultSet rs = range.executeQuery()) {
                rs.next();
                return medianMs(db, model, modelId, rs.getLong(1), rs.getLong(2), rounds, packed);
            }
        }
    }

    /** Median wall time of {@code rounds} runs of the script against {@code db}, output to /dev/null. */
    public static double medianMs(Path db, String model, long modelId, long lo, long hi, int rounds, boolean packed)
            throws Exception {
        byte[] in = script(model, modelId, lo, hi, packed).getBytes(StandardCharsets.UTF_8);
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(SHELL, db.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var stdin = p.getOutputStream()) {
                stdin.write(in);
            }
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("sqlite3 failed on " + db);
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }

    /** The machine's 1-minute load average, printed next to every figure. */
    public static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
