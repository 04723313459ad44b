package dev.rewind.catalog.sqlite;

import java.sql.*;
import java.util.*;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("benchmark")
class ScratchSqlBenchmark {
    Map<String, List<Double>> t = new LinkedHashMap<>();
    interface S<T> { T get() throws Exception; }
    <T> T time(String k, S<T> s) throws Exception {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        T r = s.get();
        t.computeIfAbsent(k, x -> new ArrayList<>()).add((mx.getCurrentThreadCpuTime() - c0) / 1e6);
        return r;
    }
    static byte[] one(Connection c, String sql, Object... a) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < a.length; i++) ps.setObject(i + 1, a[i]);
            try (ResultSet rs = ps.executeQuery()) { rs.next(); return rs.getBytes(1); }
        }
    }
    @Test
    void sql() throws Exception {
        String db = System.getProperty("rewind.huge");
        String[] qs = System.getProperty("qs", "").split("\\|\\|\\|");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (int i = 0; i < 12; i++) {
                byte[] rows = time("ROWS-sql", () -> one(c, TimelineQueries.ROWS, 1L));
                time("ROWS-parse", () -> { Packed p = new Packed(rows); long x = 0; List<String> l = new ArrayList<>(); while (p.hasNext()) { x += p.number() + p.number() + p.number(); l.add(p.text()); } return x; });
                byte[] lanes = time("LANES-sql", () -> one(c, TimelineQueries.LANES, 1L));
                time("LANES-parse", () -> { Packed p = new Packed(lanes); long x = 0; while (p.hasNext()) { x += p.number() + p.number() + p.number() + p.number(); p.text(); x += p.number(0); } return x; });
                for (int q = 0; q < qs.length; q++) { int qq = q; if (!qs[q].isBlank()) time("Q" + q, () -> one(c, qs[qq], 1L)); }
            }
        }
        t.forEach((k, v) -> {
            List<Double> a = new ArrayList<>(v.subList(2, v.size()));
            Collections.sort(a);
            System.out.printf("PROF %-12s median %.1f min %.1f max %.1f%n", k, a.get(a.size() / 2), a.get(0), a.get(a.size() - 1));
        });
    }
}
