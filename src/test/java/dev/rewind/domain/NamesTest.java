package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void acceptsOrdinaryNamesUnchanged() {
        assertThat(Names.require("model name", "fraud-detector")).isEqualTo("fraud-detector");
        assertThat(Names.require("model name", "x'; DROP TABLE versions;--")).isEqualTo("x'; DROP TABLE versions;--");
        assertThat(Names.require("model name", "模型-ü")).isEqualTo("模型-ü");
    }

    @Test
    void refusesEmptyBlankTooLongAndControlCharacters() {
        assertThatThrownBy(() -> Names.require("model name", "")).hasMessage("model name must not be empty");
        assertThatThrownBy(() -> Names.require("model name", "   ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Names.require("version label", "v".repeat(201)))
                .hasMessageContaining("201 characters long; at most 200");
        assertThat(Names.require("version label", "v".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> Names.require("version label", "1.0\n"))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("control character (U+000A)");
        assertThatThrownBy(() -> Names.require("model name", " padded")).hasMessageContaining("whitespace");
    }

    @Test
    void badNamesAreBadInput() {
        RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                () -> Names.require("model name", ""));
        assertThat(e.exitCode()).isEqualTo(RewindException.BAD_INPUT);
    }
}
