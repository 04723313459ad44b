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
        List<String> labels = List.of("v1", "a,b;c", "ünïcödé-😀", "", "-1,2", "q\"uo\\te [x]", "tab\tnl\ncr\r\u0001");
        List<String> back = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             var st = c.createStatement()) {
            st.execute("CREATE TABLE t (n INTEGER, s TEXT)");
            for (int i = 0; i < labels.size(); i++) {
                try (var ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                    ps.setLong(1, (i - 2) * 1_000_000_000_000L);
                    ps.setString(2, labels.get(i));
                    ps.execute();
                }
            }
            st.execute("INSERT INTO t VALUES (7, NULL)");
            try (ResultSet rs = st.executeQuery("SELECT json_group_array(json_array(n, s)) FROM t")) {
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
                2_000_000_000_000L, 3_000_000_000_000L, 4_000_000_000_000L, 7L);
    }

    @Test
    void truthValuesAndNullNumbersAsPostgreSqlAndSqliteWriteThem() {
        Packed p = new Packed("[[1, true, null], \n [2,false,0]]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Long> read = new ArrayList<>();
        while (p.hasNext()) {
            read.add(p.number());
            read.add(p.number());
            read.add(p.number(-1));
        }
        assertThat(read).containsExactly(1L, 1L, -1L, 2L, 0L, 0L);
    }

    @Test
    void anEmptyArrayIsNoRecord() {
        assertThat(new Packed("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasNext()).isFalse();
    }

    @Test
    void nothingPackedIsNoRecord() {
        assertThat(new Packed(null).hasNext()).isFalse();
    }

    @Test
    void aKnownWordComesBackAsThatVeryStringAndAnyOtherTextAsItself() {
        String[] known = {"deploy", "rollback", "import"};
        String json = "[[\"rollback\"],[\"deploys\"],[\"deplo\"],[\"import\"],[\"r\\u00f6llback\"],[null],"
                + "[\"deploy\"]]";
        Packed p = new Packed(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> read = new ArrayList<>();
        while (p.hasNext()) {
            read.add(p.text(known));
        }
        assertThat(read).containsExactly("rollback", "deploys", "deplo", "import", "r\u00f6llback", null, "deploy");
        assertThat(read.get(0)).isSameAs(known[1]);
        assertThat(read.get(3)).isSameAs(known[2]);
        assertThat(read.get(6)).isSameAs(known[0]);
    }
}
