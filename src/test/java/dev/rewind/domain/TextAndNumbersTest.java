package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextAndNumbersTest {
    @Test
    void escapeMakesControlFormatAndLineSeparatorsVisibleAndKeepsTheRest() {
        assertThat(Text.escape("a\u001b[31mb")).isEqualTo("a\\u001b[31mb");
        assertThat(Text.escape("x\ny\rz\tw")).isEqualTo("x\\u000ay\\u000dz\\u0009w");
        assertThat(Text.escape("pay\u202Efdp.exe")).isEqualTo("pay\\u202efdp.exe");
        assertThat(Text.escape("a\u200Bb\u2028c")).isEqualTo("a\\u200bb\\u2028c");
        assertThat(Text.escape("\uDB40\uDC01tag")).isEqualTo("\\U000e0001tag");
        assertThat(Text.escape("lone \uD800 surrogate")).isEqualTo("lone \\ud800 surrogate");
        assertThat(Text.escape("café 模型 👩‍💻 %n @file")).isEqualTo("café 模型 👩‍💻 %n @file");
        assertThat(Text.escape(null)).isNull();
    }

    @Test
    void textFieldsAreOneLineWithoutControlCharacters() {
        assertThat(Text.line("description", "fine, with emoji 👩‍💻 and café", 100)).isNotNull();
        assertThat(Text.line("description", null, 100)).isNull();
        assertThatThrownBy(() -> Text.line("description", "two\nlines", 100))
                .hasMessage("description must be one line without control characters; it contains a line break"
                        + " (U+000A) at position 4");
        assertThatThrownBy(() -> Text.line("description", "bidi \u202E", 100)).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> Text.line("description", "tab\there", 100)).hasMessageContaining("U+0009");
        assertThatThrownBy(() -> Text.line("description", "x".repeat(11), 10))
                .hasMessage("description is 11 characters long; at most 10 are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.5", "+3", "1.", ".5", "1e3", "1E-3", "2.5e+10", "-1.7976931348623157e308",
            "4.9e-324"})
    void decimalsAndScientificNumbersParse(String s) {
        assertThat(Numbers.parseMetric("metric auc", s)).isEqualTo(Double.parseDouble(s));
    }

    @Test
    void nanAndInfinityInAnyCase() {
        for (String s : new String[] {"nan", "NaN", "NAN"}) {
            assertThat(Numbers.parseMetric("m", s)).isNaN();
        }
        for (String s : new String[] {"inf", "INF", "+inf", "Infinity", "infinity", "+Infinity"}) {
            assertThat(Numbers.parseMetric("m", s)).isEqualTo(Double.POSITIVE_INFINITY);
        }
        for (String s : new String[] {"-inf", "-Inf", "-INFINITY"}) {
            assertThat(Numbers.parseMetric("m", s)).isEqualTo(Double.NEGATIVE_INFINITY);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p3", "5d", "5f", "5D", "1e400", "-1e400", "1e-400", "", " ", " 1", "1 ", "1,5",
            "١", "1_000", "e5", ".", "+", "--1", "nan nan", "infinit", "0b1", "1e", "NaN1", "\u0000"})
    void everythingElseIsRefusedAsBadInput(String s) {
        assertThatThrownBy(() -> Numbers.parseMetric("metric auc", s))
                .isInstanceOf(RewindException.class)
                .satisfies(e -> assertThat(((RewindException) e).exitCode()).isEqualTo(RewindException.BAD_INPUT))
                .hasMessageStartingWith("metric auc has ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000"));
    }

    @Test
    void overflowIsNamedNotTurnedIntoInfinity() {
        assertThatThrownBy(() -> Numbers.parseMetric("metric auc", "1e400")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Numbers.parseMetric("metric auc", "1e-400")).hasMessageContaining("too small");
        assertThat(Numbers.parseMetric("metric auc", "0e-400")).isZero();
    }

    @Test
    void countsAgreeWithTheirNoun() {
        assertThat(Text.count(0, "model")).isEqualTo("0 models");
        assertThat(Text.count(1, "model")).isEqualTo("1 model");
        assertThat(Text.count(2, "new version")).isEqualTo("2 new versions");
    }
}
