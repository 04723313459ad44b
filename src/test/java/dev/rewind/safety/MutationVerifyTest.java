package dev.rewind.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.TargetCheck;
import dev.rewind.service.DemoService;
import dev.rewind.service.Services;
import dev.rewind.support.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded single-cell mutations of a demo catalog's covered rows, made with raw SQL with the triggers dropped
 * and re-created: each must give verify a problem the untouched catalog does not have.
 */
class MutationVerifyTest {
    private static final List<String> TABLES = List.of("versions", "metrics", "params", "version_tags", "targets",
            "target_guards", "target_checks", "events");
    private static final int PER_TABLE = 20;

    @TempDir
    Path dir;

    private record Cell(String table, int row, String column, Object value, Map<String, Object> where) {
    }

    @Test
    void everySingleCellMutationOfACoveredFactIsNamedByVerify() throws Exception {
        Path pristine = dir.resolve("demo.db");
        try (Services s = open(pristine, true)) {
            s.demo().create(DemoService.Scale.SMALL, 7);
            // the demo sets no guards or checks: give two targets some, so their rows can be mutated too
            List<String[]> targets = s.deployments().targets(null).stream()
                    .map(t -> new String[] {t.model(), t.name()}).limit(2).toList();
            for (String[] t : targets) {
                s.targetRules().guard(t[0], t[1], List.of(new MetricGuard("auc", 0.5, null),
                        new MetricGuard("latency_ms", null, 80.0)), "floor");
                s.deployments().setCheck(t[0], t[1], new TargetCheck("curl -fs localhost/health", Duration.ofSeconds(5)));
            }
        }
        Set<String> baseline = new HashSet<>(verify(pristine));
        assertThat(baseline).isEmpty();

        Random rnd = new Random(13);
        Map<String, int[]> counts = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        int n = 0;
        for (String table : TABLES) {
            List<Cell> cells = cells(pristine, table);
            for (int i = 0; i < PER_TABLE; i++) {
                Cell c = cells.get(rnd.nextInt(cells.size()));
                Path mutant = dir.resolve("m" + (n++) + ".db");
                Files.copy(pristine, mutant);
                Files.copy(pristine.resolveSibling("demo.db.head"), mutant.resolveSibling(mutant.getFileName() + ".head"));
                Object changed = mutate(c.value(), c.column(), rnd);
                if (!apply(mutant, c, changed)) {
                    i--;
                    continue;
                }
                List<String> found = new ArrayList<>(verify(mutant));
                found.removeAll(baseline);
                int[] tally = counts.computeIfAbsent(table, k -> new int[2]);
                tally[0]++;
                if (!found.isEmpty()) {
                    tally[1]++;
                } else {
                    missed.add(table + "." + c.column() + " " + c.value() + " -> " + changed);
                }
            }
        }
        int total = counts.values().stream().mapToInt(t -> t[0]).sum();
        int caught = counts.values().stream().mapToInt(t -> t[1]).sum();
        StringBuilder report = new StringBuilder("mutation verify: " + caught + " of " + total + " caught;");
        counts.forEach((t, c) -> report.append(' ').append(t).append(' ').append(c[1]).append('/').append(c[0]));
        System.out.println(report);
        assertThat(total).isGreaterThanOrEqualTo(160);
        assertThat(missed).as(report.toString()).isEmpty();
    }

    private Services open(Path db, boolean create) {
        return new Services(SqliteCatalog.open(db, create), new Actor("ana", "ana-laptop"), Clock.systemUTC());
    }

    private List<String> verify(Path db) {
        try (Services s = open(db, false)) {
            return s.verifier().verify(false).problems();
        }
    }

    /** Every cell of a table, with the row's values to find it again (some tables have no rowid). */
    private static List<Cell> cells(Path db, String table) throws SQLException {
        List<Cell> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            int row = 0;
            while (rs.next()) {
                Map<String, Object> where = new TreeMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    where.put(md.getColumnName(i), rs.getObject(i));
                }
                for (String col : where.keySet()) {
                    out.add(new Cell(table, row, col, where.get(col), where));
                }
                row++;
            }
        }
        return out;
    }

    private static Object mutate(Object value, String column, Random rnd) {
        if (column.equals("kind")) {
            return value.equals("tag") ? "untag" : "tag";
        }
        if (value == null) {
            return "x";
        }
        if (value instanceof Double d) {
            return Math.nextUp(d);
        }
        if (value instanceof Number num) {
            return num.longValue() + 1 + rnd.nextInt(3);
        }
        String s = value.toString();
        return s.isEmpty() ? "x" : s.substring(0, s.length() - 1) + (s.endsWith("0") ? "1" : "0");
    }

    /** False when the database refuses the change (a unique or check constraint): another cell is chosen. */
    private static boolean apply(Path db, Cell c, Object changed) {
        StringBuilder sql = new StringBuilder("UPDATE " + c.table() + " SET " + c.column() + " = " + literal(changed)
                + " WHERE 1");
        c.where().forEach((k, v) -> sql.append(" AND ").append(k).append(v == null ? " IS NULL" : " = " + literal(v)));
        try {
            Tamper.withTriggersDropped(db, sql.toString());
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String literal(Object v) {
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return "'" + v.toString().replace("'", "''") + "'";
    }
}
