package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedTest {
    @Test
    void textsWithSeparatorsAndWideCharactersComeBackWhole() throws Exception {
        List<String> labels = List.of("v1", "a,b;c", "ünïcödé-😀", "", "-1,2");
        List<String> back = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             var st = c.createStatement()) {
            st.execute("CREATE TABLE t (n INTEGER, s TEXT)");
            for (int i = 0; i < labels.size(); i++) {
                st.execute("INSERT INTO t VALUES (" + (i - 2) * 1_000_000_000_000L + ", '" + labels.get(i) + "')");
            }
            st.execute("INSERT INTO t VALUES (7, NULL)");
            try (ResultSet rs = st.executeQuery("SELECT group_concat(n || ',' || coalesce(length(CAST(s AS BLOB)), -1) "
                    + "|| ',' || coalesce(s, ''), ';') FROM t")) {
                rs.next();
                Packed p = new Packed(rs.getBytes(1));
                while (p.hasNext()) {
                    numbers.add(p.number());
                    back.add(p.text());
                }
            }
        }
        List<String> expected = new ArrayList<>(labels);
        expected.add(null);
        assertThat(back).containsExactlyElementsOf(expected);
        assertThat(numbers).containsExactly(-2_000_000_000_000L, -1_000_000_000_000L, 0L, 1_000_000_000_000L,
                2_000_000_000_000L, 7L);
    }

    @Test
    void nothingPackedIsNoRecord() {
        assertThat(new Packed(null).hasNext()).isFalse();
    }
}
