package dev.rewind.fuzz;

import dev.rewind.fuzz.Mutant.Expect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damaged and hostile copies of an {@code mlflow.db}: bytes flipped, cut or garbled, and rows altered with SQL the
 * way a broken tool or an attacker would. Each mutant is a folder holding only the copy (and what the damage adds:
 * a FIFO, a WAL file); {@code secret.txt} beside that folder is outside the store.
 */
final class MlflowDbMutants {
    static final int KINDS = 24;
    private static final String LIVE = "coalesce(current_stage, '') <> 'Deleted_Internal'";
    private static final String FIRST_LIVE = "rowid = (SELECT min(rowid) FROM model_versions WHERE " + LIVE + ")";
    private static final List<String> NAME_TABLES = List.of("registered_models", "model_versions",
            "registered_model_tags", "model_version_tags", "registered_model_aliases");
    private static final List<String> DROPPABLE = List.of("runs", "metrics", "latest_metrics", "params", "tags",
            "registered_models", "model_versions", "alembic_version", "experiments", "model_version_tags",
            "registered_model_aliases", "registered_model_tags");

    private MlflowDbMutants() {
    }

    /** Mutant number {@code i} of {@code original}, built in the empty folder {@code folder}. */
    static Mutant make(Path original, Path folder, int i, Random random) throws IOException, SQLException {
        Path db = folder.resolve("mlflow.db");
        try (InputStream in = Files.newInputStream(original)) {
            Files.copy(in, db);
        }
        int kind = Math.floorMod(i, KINDS);
        return switch (kind) {
            case 0, 1, 2, 3, 4, 5 -> bytes(db, folder, kind, random);
            case 6 -> rows(db, folder, "version 'abc'", Expect.REFUSED,
                    "UPDATE model_versions SET version = 'abc' WHERE " + FIRST_LIVE);
            case 7 -> loosened(db, folder, "model_versions.name NULL", "UPDATE model_versions SET name = NULL WHERE "
                    + FIRST_LIVE);
            case 8 -> loosened(db, folder, "registered_models.name NULL",
                    "UPDATE registered_models SET name = NULL WHERE rowid = (SELECT min(rowid) FROM registered_models)");
            case 9 -> loosened(db, folder, "a version twice",
                    "INSERT INTO model_versions SELECT * FROM model_versions WHERE " + FIRST_LIVE);
            case 10 -> source(db, folder, "source ../../etc/passwd", "../../../../../../../../etc/passwd");
            case 11 -> source(db, folder, "source file:///etc/shadow", "file:///etc/shadow");
            case 12 -> source(db, folder, "source /dev/zero", "/dev/zero");
            case 13 -> source(db, folder, "source ../secret.txt (outside the store)", "../secret.txt");
            case 14 -> fifo(db, folder);
            case 15 -> rows(db, folder, "metric values not numbers", Expect.REFUSED,
                    "UPDATE metrics SET value = 'x' WHERE rowid IN (SELECT m.rowid FROM metrics m JOIN model_versions v"
                            + " ON v.run_id = m.run_uuid LIMIT 3)");
            case 16 -> rename(db, folder, "name with ESC", "fraud\u001b[31m-red");
            case 17 -> rename(db, folder, "name with a right-to-left override", "model\u202Elmth.exe");
            case 18 -> rename(db, folder, "name with a leading '-'", "-rf");
            case 19 -> rename(db, folder, "name over 200 characters", "m".repeat(201 + random.nextInt(300)));
            case 20 -> drop(db, folder, DROPPABLE.get(random.nextInt(DROPPABLE.size())));
            case 21 -> wal(db, folder, false);
            case 22 -> wal(db, folder, true);
            default -> rows(db, folder, "alias pointing at version 'abc'", Expect.REFUSED,
                    "UPDATE registered_model_aliases SET version = 'abc'");
        };
    }

    private static Mutant bytes(Path db, Path folder, int kind, Random random) throws IOException {
        byte[] b = Files.readAllBytes(db);
        String what;
        Expect expect = Expect.EITHER;
        switch (kind) {
            case 0 -> {
                int n = 1 + random.nextInt(8);
                for (int k = 0; k < n; k++) {
                    b[100 + random.nextInt(b.length - 100)] ^= (byte) (1 + random.nextInt(255));
                }
                what = n + " bytes flipped";
            }
            case 1 -> {
                int at = 1 + random.nextInt(b.length - 1);
                b = Arrays.copyOf(b, at);
                what = "truncated at " + at;
            }
            case 2 -> {
                b = new byte[0];
                what = "zero-length";
                expect = Expect.REFUSED;
            }
            case 3 -> {
                for (int k = 0; k < 16; k++) {
                    b[k] = (byte) random.nextInt(256);
                }
                what = "header garbled";
                expect = Expect.REFUSED;
            }
            case 4 -> {
                int page = 4096 * random.nextInt(Math.max(1, b.length / 4096));
                Arrays.fill(b, page, Math.min(b.length, page + 4096), (byte) 0);
                what = "page at " + page + " zeroed";
                expect = page == 0 ? Expect.REFUSED : Expect.EITHER;
            }
            default -> {
                int extra = 1 + random.nextInt(5000);
                byte[] more = Arrays.copyOf(b, b.length + extra);
                for (int k = b.length; k < more.length; k++) {
                    more[k] = (byte) random.nextInt(256);
                }
                b = more;
                what = extra + " garbage bytes appended";
            }
        }
        Files.write(db, b);
        return new Mutant("mlflow.db " + what, db, folder, expect);
    }

    /** SQL damage: a refusal is only owed when a row was actually changed. */
    private static Mutant rows(Path db, Path folder, String what, Expect expect, String... sql) throws SQLException {
        int changed = sql(db, sql);
        return new Mutant("mlflow.db " + what + " (" + changed + " rows)", db, folder,
                changed > 0 ? expect : Expect.EITHER);
    }

    /** MLflow's tables refuse NULL names and duplicate versions; a table copied without its constraints takes them. */
    private static Mutant loosened(Path db, Path folder, String what, String sql) throws SQLException {
        String table = sql.contains("registered_models") ? "registered_models" : "model_versions";
        sql(db, "CREATE TABLE loose AS SELECT * FROM " + table, "DROP TABLE " + table,
                "ALTER TABLE loose RENAME TO " + table);
        return rows(db, folder, what, Expect.REFUSED, sql);
    }

    private static Mutant source(Path db, Path folder, String what, String uri) throws SQLException {
        String set = hasColumn(db, "model_versions", "storage_location") ? "source = ?1, storage_location = ?1"
                : "source = ?1";
        return rows(db, folder, what, Expect.IMPORTED, prepared("UPDATE model_versions SET " + set, uri));
    }

    private static Mutant fifo(Path db, Path folder) throws IOException, SQLException {
        Path pipe = folder.resolve("model.pipe");
        if (!mkfifo(pipe)) {
            return source(db, folder, "source /dev/zero (no mkfifo here)", "/dev/zero");
        }
        return source(db, folder, "a FIFO inside the store as source", pipe.toUri().toString());
    }

    private static Mutant rename(Path db, Path folder, String what, String name) throws SQLException {
        String old = firstModel(db);
        if (old == null) {
            return new Mutant("mlflow.db " + what + " (no model)", db, folder, Expect.EITHER);
        }
        String[] sql = NAME_TABLES.stream().filter(t -> exists(db, t))
                .map(t -> prepared("UPDATE " + t + " SET name = ?1 WHERE name = ?2", name, old)).toArray(String[]::new);
        return rows(db, folder, what, Expect.REFUSED, sql);
    }

    private static Mutant drop(Path db, Path folder, String table) throws SQLException {
        boolean had = exists(db, table);
        if (had) {
            sql(db, "DROP TABLE " + table);
        }
        boolean essential = List.of("runs", "registered_models", "model_versions", "alembic_version").contains(table);
        return new Mutant("mlflow.db table " + table + " dropped", db, folder,
                had && essential ? Expect.REFUSED : Expect.EITHER);
    }

    /** WAL mode left on; with {@code live}, a copy taken while a writer holds a commit in its WAL (a crash). */
    private static Mutant wal(Path db, Path folder, boolean live) throws IOException, SQLException {
        if (!live) {
            sql(db, "PRAGMA journal_mode=WAL");
            return new Mutant("mlflow.db in WAL mode", db, folder, Expect.IMPORTED);
        }
        Path scratch = Files.createTempDirectory(folder.getParent(), "writer");
        Path held = Files.move(db, scratch.resolve("mlflow.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + held); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.executeUpdate("CREATE TABLE rewind_fuzz_wal(x)");
            st.executeUpdate("INSERT INTO rewind_fuzz_wal VALUES (1)");
            Files.copy(held, db);
            Files.copy(scratch.resolve("mlflow.db-wal"), folder.resolve("mlflow.db-wal"));
        }
        StoreTree.delete(scratch);
        return new Mutant("mlflow.db with a live WAL (" + Files.size(folder.resolve("mlflow.db-wal")) + " bytes)", db,
                folder, Expect.IMPORTED);
    }

    static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A statement with ?1, ?2 … filled in as SQL string literals (the test's own values, quoted). */
    private static String prepared(String sql, String... values) {
        String out = sql;
        for (int k = values.length; k >= 1; k--) {
            out = out.replace("?" + k, "'" + values[k - 1].replace("'", "''") + "'");
        }
        return out;
    }

    private static int sql(Path db, String... statements) throws SQLException {
        int changed = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String s : statements) {
                try {
                    if (!st.execute(s)) {
                        changed += Math.max(0, st.getUpdateCount());
                    }
                } catch (SQLException e) {
                    if (!String.valueOf(e.getMessage()).contains("no such")) {
                        throw e;
                    }
                }
            }
        }
        return changed;
    }

    private static boolean exists(Path db, String table) {
        return hasColumn(db, table, null);
    }

    private static boolean hasColumn(Path db, String table, String column) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    if (column != null && column.equals(rs.getString(1))) {
                        return true;
                    }
                }
                return column == null && any;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static String firstModel(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM model_versions WHERE " + LIVE + " ORDER BY rowid LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
