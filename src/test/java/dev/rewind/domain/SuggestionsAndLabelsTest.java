package dev.rewind.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsAndLabelsTest {
    private static final List<String> TARGETS = List.of("production", "staging", "canary");

    @ParameterizedTest
    @CsvSource({"prodution,production", "prodcution,production", "Production,production", "stagign,staging",
            "canry,canary", "PRODUCTON,production"})
    void aTypoGetsTheClosestName(String typed, String expected) {
        assertThat(Suggestions.closest(typed, TARGETS)).contains(expected);
        assertThat(Suggestions.hint(typed, TARGETS)).isEqualTo(" (did you mean '" + expected + "'?)");
    }

    @ParameterizedTest
    @CsvSource({"shadow", "prod", "x", "''"})
    void aNameFarFromEveryOneGetsNoSuggestion(String typed) {
        assertThat(Suggestions.closest(typed, TARGETS)).isEmpty();
        assertThat(Suggestions.hint(typed, TARGETS)).isEmpty();
    }

    @Test
    void distanceCountsSwapsAsOneEditAndStopsEarly() {
        assertThat(Suggestions.distance("abcd", "abdc", 3)).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(Suggestions.distance("aaaaaaaa", "bbbbbbbb", 2)).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"MAJOR,2.0.0", "MINOR,1.3.0", "PATCH,1.2.4"})
    void bumpsStartFromTheHighestSemverLabel(NextLabel bump, String expected) {
        assertThat(bump.after("m", List.of("1.0.0", "1.2.3", "0.9.9", "1.2.3-rc.1", "exp-7", "10"))).isEqualTo(expected);
    }

    @Test
    void bumpsKeepAVPrefixAndFinishAPreRelease() {
        assertThat(NextLabel.PATCH.after("m", List.of("v1.4.9"))).isEqualTo("v1.4.10");
        assertThat(NextLabel.PATCH.after("m", List.of("1.2.0-rc.1"))).isEqualTo("1.2.0");
        assertThat(NextLabel.MINOR.after("m", List.of("1.2.0-rc.1"))).isEqualTo("1.2.0");
        assertThat(NextLabel.MAJOR.after("m", List.of("2.0.0-beta"))).isEqualTo("2.0.0");
        assertThat(NextLabel.MAJOR.after("m", List.of("2.0.0-beta", "2.0.0"))).isEqualTo("3.0.0");
    }

    @Test
    void bumpWithoutASemverLabelIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> NextLabel.MINOR.after("fraud", List.of("1", "2", "1.2", "01.2.3")))
                .isInstanceOf(RewindException.class)
                .hasMessage("cannot bump: model fraud has no semver label (like 1.4.2) to bump from; give the label,"
                        + " or --label auto")
                .extracting(e -> ((RewindException) e).exitCode()).isEqualTo(RewindException.REFUSED);
    }

    @Test
    void autoTakesTheNextIntegerLikeMlflow() {
        assertThat(NextLabel.AUTO.after("m", List.of())).isEqualTo("1");
        assertThat(NextLabel.AUTO.after("m", List.of("1", "2", "9", "1.0.0", "012"))).isEqualTo("10");
    }

    @Test
    void referencesSplitAtEverySeparatorLastFirst() {
        assertThat(VersionRef.readings("fraud@production")).containsExactly(
                new VersionRef("fraud", VersionRef.Kind.TARGET, "production"));
        assertThat(VersionRef.readings("fraud@latest").get(0).kind()).isEqualTo(VersionRef.Kind.LATEST);
        assertThat(VersionRef.readings("team@fraud:1.0").stream().map(VersionRef::toString))
                .containsExactly("team@fraud:1.0", "team@fraud:1.0");
        assertThat(VersionRef.readings("team@fraud:1.0").get(1).model()).isEqualTo("team");
        assertThatThrownBy(() -> VersionRef.readings("fraud")).hasMessageContaining("is not a reference");
        assertThatThrownBy(() -> VersionRef.readings("fraud@")).hasMessageContaining("is not a reference");
    }
}
