package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionFilterTest {
    private static final Version FAST = version("m", 1, "1.0.0", Map.of("auc", 0.93, "latency_ms", 25.0),
            Map.of("lr", "0.01", "optimizer", "adam"), tags("stable", null, "owner", "ana"));
    private static final Version SLOW = version("m", 2, "1.1.0", Map.of("auc", 0.95, "latency_ms", 80.0),
            Map.of("lr", "0.1", "optimizer", "sgd"), tags("owner", "Bruno Díaz"));
    private static final Version NAN = version("m", 3, "1.2.0", Map.of("auc", Double.NaN), Map.of(),
            tags("Stable", null));

    private static Map<String, String> tags(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Version version(String model, long seq, String label, Map<String, Double> metrics,
                           Map<String, String> params, Map<String, String> tags) {
        return new Version(seq, model, label, seq, Instant.EPOCH.plusSeconds(seq), "ana", null, null, null, null,
                metrics, params, tags);
    }

    private static List<String> kept(String where) {
        VersionFilter f = VersionFilter.parse("--where", where);
        return List.of(FAST, SLOW, NAN).stream().filter(f).map(Version::label).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auc>0.9 and latency_ms<=30       | 1.0.0",
        "auc > 0.94                       | 1.1.0",
        "auc>=0.93 AND auc<0.95           | 1.0.0",
        "auc!=0.93                        | 1.1.0 1.2.0",
        "auc=0.95                         | 1.1.0",
        "stable                           | 1.0.0 1.2.0",
        "tag.stable and auc>0             | 1.0.0",
        "owner=ana                        | 1.0.0",
        "owner='Bruno Díaz'               | 1.1.0",
        "owner=\"Bruno Díaz\"             | 1.1.0",
        "owner!=ana                       | 1.1.0",
        "optimizer=adam                   | 1.0.0",
        "lr<0.05                          | 1.0.0",
        "param.lr>=0.1                    | 1.1.0",
        "metric.auc>0.94                  | 1.1.0",
        "`latency_ms`<30                  | 1.0.0",
        "metric.`auc`>0.94                | 1.1.0",
        "metrics.latency_ms>0             | 1.0.0 1.1.0",
        "nope=1                           | ''",
        "param.auc>0                      | ''",
    })
    void clausesKeepWhatTheyDescribe(String where, String expected) {
        assertThat(String.join(" ", kept(where))).isEqualTo(expected);
    }

    @Test
    void tagOptionsMatchPresenceOrValueAndCombineWithWhere() {
        VersionFilter f = VersionFilter.parse("--where", "auc>0.9").and(VersionFilter.tag("owner=ana"));
        assertThat(List.of(FAST, SLOW).stream().filter(f).toList()).containsExactly(FAST);
        assertThat(VersionFilter.tag("STABLE").test(NAN)).isTrue();
        assertThat(VersionFilter.all().test(SLOW)).isTrue();
        assertThat(f.keys()).containsExactly("auc", "owner");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auc>>0.9            | 5 | expected a number or a quoted string, found '>0.9'",
        "auc>                | 5 | expected a number or a quoted string, found the end",
        "auc>0.9 or x        | 9 | expected 'and' or the end, found 'or'",
        "auc>0.9 and         | 12 | expected a name, found the end",
        "auc!0.9             | 4 | '!' is not a comparison (use < <= = != >= >)",
        "owner<ana           | 7 | '<' compares numbers; 'ana' is not a number",
        "metric.auc=high     | 12 | metric auc compares with a number, not 'high'",
        "owner='ana          | 7 | the quote ' opened here is never closed",
        "=1                  | 1 | expected a name, found '=1'",
    })
    void parseErrorsNameThePosition(String where, int position, String why) {
        assertThatThrownBy(() -> VersionFilter.parse("--where", where))
                .isInstanceOf(RewindException.class)
                .hasMessage("cannot parse --where at position " + position + ": " + why);
    }

    @Test
    void anEmptyFilterIsRefused() {
        assertThatThrownBy(() -> VersionFilter.parse("--where", "  ")).hasMessage("cannot parse --where: it is empty");
    }

    @Test
    void sortPutsVersionsWithoutTheValueLastEitherWay() {
        VersionQuery desc = new VersionQuery(null, VersionSort.parse("--sort", "-auc"), null);
        assertThat(desc.apply(List.of(FAST, NAN, SLOW))).containsExactly(SLOW, FAST, NAN);
        VersionQuery asc = new VersionQuery(null, VersionSort.parse("--sort", "auc"), 2);
        assertThat(asc.apply(List.of(SLOW, NAN, FAST))).containsExactly(FAST, SLOW);
        VersionQuery byParam = new VersionQuery(null, VersionSort.parse("--sort", "-param.lr"), null);
        assertThat(byParam.apply(List.of(FAST, SLOW, NAN))).containsExactly(SLOW, FAST, NAN);
        assertThatThrownBy(() -> VersionSort.parse("--sort", "-tag.owner")).hasMessageContaining("tags have no order");
        assertThatThrownBy(() -> VersionSort.parse("--sort", "-")).hasMessageContaining("--sort needs a metric");
        assertThatThrownBy(() -> new VersionQuery(null, null, 0)).hasMessageContaining("at least 1");
    }

    /** Seeded random filters, half near the grammar: each parses, or fails with the one-line parse error. */
    @Test
    void randomInputNeverThrowsAnythingButTheOneLineParseError() {
        String[] atoms = {"auc", "latency_ms", "owner", "stable", "metric.", "param.", "tag.", "`", "'", "\"", " ",
            "and", "AND", "or", "<", "<=", "=", "!=", ">=", ">", "!", "0.9", "-1e3", "nan", "inf", "1e400", "ana",
            "(", ")", "\n", "\u001b", "\u202e", "é", "👩‍💻", ".", "@", "-", "\\", ""};
        Random rnd = new Random(20261130L);
        int parsed = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(12);
            for (int i = 0; i < len; i++) {
                if (rnd.nextInt(4) == 0) {
                    sb.append((char) rnd.nextInt(0x3000));
                } else {
                    sb.append(atoms[rnd.nextInt(atoms.length)]);
                }
            }
            String where = sb.toString();
            try {
                VersionFilter f = VersionFilter.parse("--where", where);
                f.test(FAST);
                f.test(NAN);
                parsed++;
            } catch (RewindException e) {
                assertThat(e.exitCode()).as(where).isEqualTo(RewindException.BAD_INPUT);
                assertThat(e.getMessage()).as(where).startsWith("cannot parse --where").doesNotContain("\n", "\r",
                        "\u001b", "\u202e");
            }
        }
        assertThat(parsed).as("some random filters are valid").isGreaterThan(100);
    }

    @Test
    void randomValidFiltersAgreeWithAPlainEvaluation() {
        Random rnd = new Random(7);
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            versions.add(version("m", i, "v" + i, Map.of("auc", rnd.nextDouble()), Map.of(),
                    rnd.nextBoolean() ? tags("stable", null) : Map.of()));
        }
        for (int n = 0; n < 200; n++) {
            double bound = Math.round(rnd.nextDouble() * 100) / 100.0;
            boolean stable = rnd.nextBoolean();
            VersionFilter f = VersionFilter.parse("--where", "auc>" + bound + (stable ? " and stable" : ""));
            for (Version v : versions) {
                assertThat(f.test(v)).isEqualTo(v.metrics().get("auc") > bound && (!stable || v.stable()));
            }
        }
    }
}
