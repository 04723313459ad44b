package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamePolicyTest {
    private static final String CAFE_COMPOSED = "caf\u00e9";
    private static final String CAFE_DECOMPOSED = "cafe\u0301";

    @Test
    void namesAreStoredInNfc() {
        assertThat(Names.require("model name", CAFE_DECOMPOSED)).isEqualTo(CAFE_COMPOSED);
        assertThat(Names.require("model name", CAFE_COMPOSED)).isEqualTo(CAFE_COMPOSED);
    }

    @Test
    void formatCharactersBidiOverridesAndZeroWidthAreRefused() {
        assertThatThrownBy(() -> Names.require("model name", "prod\u202Enoitc"))
                .hasMessage("model name contains a format character (U+202E) at position 5");
        assertThatThrownBy(() -> Names.require("tag key", "a\u200Db")).hasMessageContaining("U+200D");
        assertThatThrownBy(() -> Names.require("tag key", "\uFEFFbom")).hasMessageContaining("U+FEFF");
        assertThatThrownBy(() -> Names.require("tag key", "line\u2028sep")).hasMessageContaining("line separator");
        assertThatThrownBy(() -> Names.require("tag key", "lone\uD800")).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> Names.require("tag key", "nul\u0000")).hasMessageContaining("control character (U+0000)");
    }

    @Test
    void leadingDashAndOddBlanksAreRefused() {
        assertThatThrownBy(() -> Names.require("target name", "-rf")).hasMessageContaining("starts with '-'");
        assertThat(Names.require("target name", "a-b")).isEqualTo("a-b");
        assertThatThrownBy(() -> Names.require("target name", "prod\u00A0")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> Names.require("target name", "\u3000prod")).hasMessageContaining("whitespace");
        assertThat(Names.require("model name", "two words")).isEqualTo("two words");
    }

    @Test
    void lengthCountsCodePointsAndIsNeverCut() {
        String emoji200 = "😀".repeat(200);
        assertThat(Names.require("model name", emoji200)).isEqualTo(emoji200);
        assertThatThrownBy(() -> Names.require("model name", emoji200 + "x"))
                .hasMessage("model name is 201 characters long; at most 200 are allowed");
    }

    @Test
    void theExpectSentinelAndItsLookAlikesAreNotLabels() {
        assertThatThrownBy(() -> Names.label("version label", "none")).hasMessageContaining("--expect");
        assertThatThrownBy(() -> Names.label("version label", "n\u043Ene")).hasMessageContaining("--expect");
        assertThat(Names.label("version label", "None")).isEqualTo("None");
        assertThat(Names.require("model name", "none")).isEqualTo("none");
    }

    @Test
    void escapeInvalidIsReversiblePercentEncodingThatObeysThePolicy() {
        assertThat(Names.escapeInvalid("a\u001bb", false)).isEqualTo("a%1Bb");
        assertThat(Names.escapeInvalid("-x 50% ", false)).isEqualTo("%2Dx 50%25%20");
        assertThat(Names.escapeInvalid("r\u202Eb", false)).isEqualTo("r%E2%80%AEb");
        assertThat(Names.escapeInvalid("none", true)).isEqualTo("%6Eone");
        assertThat(Names.escapeInvalid("x".repeat(201), false)).isNull();
        assertThat(Names.escapeInvalid("", false)).isNull();
        for (String s : List.of("a\u001bb", "-x 50% ", "r\u202Eb", "\tt\n")) {
            String e = Names.escapeInvalid(s, false);
            assertThat(Names.problem(e)).isNull();
            assertThat(java.net.URLDecoder.decode(e.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(s);
        }
    }

    @Test
    void lookAlikeSkeletonsCatchCyrillicGreekDigitsAndCompatibilityForms() {
        assertThat(Confusables.skeleton("pr\u043Eduction")).isEqualTo(Confusables.skeleton("production"));
        assertThat(Confusables.skeleton("\u0391\u0399")).isEqualTo(Confusables.skeleton("Al"));
        assertThat(Confusables.skeleton("mode1")).isEqualTo(Confusables.skeleton("model"));
        assertThat(Confusables.skeleton("rnodel")).isEqualTo(Confusables.skeleton("model"));
        assertThat(Confusables.skeleton("\uFF50rod")).isEqualTo(Confusables.skeleton("prod"));
        assertThat(Confusables.skeleton(CAFE_COMPOSED)).isEqualTo(Confusables.skeleton(CAFE_DECOMPOSED));
        assertThat(Confusables.skeleton("cafe")).isNotEqualTo(Confusables.skeleton(CAFE_COMPOSED));
        assertThat(Confusables.skeleton("staging")).isNotEqualTo(Confusables.skeleton("production"));
        assertThat(Confusables.lookAlike("production", List.of("production"))).isEmpty();
        assertThatThrownBy(() -> Confusables.requireDistinct("target name", "pr\u043Eduction", List.of("production")))
                .hasMessage("target name 'pr\u043Eduction' looks like the existing 'production' (U+043E CYRILLIC SMALL"
                        + " LETTER O at position 3); use that name or a clearly different one");
    }
}
