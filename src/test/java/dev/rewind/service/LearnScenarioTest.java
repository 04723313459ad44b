package dev.rewind.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.domain.RewindException;
import dev.rewind.service.LearnScenario.Check;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The shipped scenario loads; a broken one is refused with one line naming the file, the place and the field. */
class LearnScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedScenarioLoadsWithTheWholeStory() {
        LearnScenario s = LearnScenarioLoader.shipped(Locale.ROOT);
        assertThat(s.model()).isEqualTo("spam-filter");
        assertThat(s.versions()).extracting(LearnScenario.VersionSpec::label).containsExactly("1.0.0", "1.1.0", "2.0.0");
        assertThat(s.story()).isEqualTo(new LearnScenario.Story("production", "2.0.0", "1.1.0"));
        assertThat(s.steps()).extracting(LearnScenario.Step::check).containsExactly(Check.VISIT_VERSIONS,
                Check.MONITOR_ALERT, Check.COMPARE, Check.ROLLBACK, Check.MONITOR_RECOVERS, Check.TAG_FAILED,
                Check.READ_HISTORY);
        assertThat(s.contrast().steps()).extracting(LearnScenario.Step::check).endsWith(Check.ROLLBACK_REFUSED);
        assertThat(s.quiz()).hasSize(6).allSatisfy(q -> assertThat(q.answer()).isBetween(0, q.options().size() - 1));
        assertThat(s.monitor().series()).containsKeys("1.0.0", "1.1.0", "2.0.0");
        assertThat(s.label("score", "?", 5, 6)).isEqualTo("You answered 5 of 6 questions correctly.");
        assertThat(s.label("no-such-label", "fallback")).isEqualTo("fallback");
    }

    @Test
    void malformedJsonIsOneLineNamingTheFileAndThePlace() {
        assertRefused("{ \"title\": \"x\",\n  \"model\": }")
                .hasMessageStartingWith("scenario.json is not valid JSON: ")
                .hasMessageContaining("(line 2, column");
        assertRefused("").hasMessage("scenario.json is empty");
        assertRefused("[1, 2]").hasMessage("scenario.json must hold one JSON object { … }");
    }

    @Test
    void aMissingFieldIsNamedWithItsPlace() {
        assertRefused(edit(s -> ((ObjectNode) s.withArray("steps").get(2)).remove("title")))
                .hasMessage("scenario.json: step 3 has no 'title'");
        assertRefused(edit(s -> s.remove("model"))).hasMessage("scenario.json has no 'model'");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("versions").get(1)).remove("author")))
                .hasMessage("scenario.json: version 2 (1.1.0) has no 'author'");
        assertRefused(edit(s -> ((ObjectNode) s.with("contrast").withArray("steps").get(0)).remove("hint")))
                .hasMessage("scenario.json: contrast step 1 has no 'hint'");
    }

    @Test
    void wrongValuesAndBrokenReferencesAreNamed() {
        assertRefused(edit(s -> ((ObjectNode) s.withArray("quiz").get(1)).put("answer", 4)))
                .hasMessage("scenario.json: quiz question 2 has 'answer' 4, but its options are numbered 0 to 3");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("steps").get(0)).put("check", "dance")))
                .hasMessageStartingWith("scenario.json: step 1 has 'check' dance, which is not one of visit-versions, ");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("versions").get(0)).put("daysAgo", "long ago")))
                .hasMessage("scenario.json: version 1 (1.0.0) has 'daysAgo' that is not a number");
        assertRefused(edit(s -> s.with("story").put("lastGood", "9.9.9")))
                .hasMessage("scenario.json: story names version 9.9.9, which is not in 'versions'");
        assertRefused(edit(s -> ((ObjectNode) s.with("monitor").with("series")).remove("1.1.0")))
                .hasMessage("scenario.json: monitor has no 'series' for version 1.1.0");
        assertRefused(edit(s -> ((ArrayNode) s.withArray("history")).remove(5)))
                .hasMessage("scenario.json: story needs production to serve 2.0.0 after the last deploy in 'history',"
                        + " but it serves 1.1.0");
    }

    @Test
    void theFileIsReadStrictlyWithNoGuessing() {
        assertRefused(edit(s -> ((ObjectNode) s.withArray("versions").get(0)).put("colour", "red")))
                .hasMessage("scenario.json: version 1 (1.0.0) has a field 'colour' that Rewind does not know");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("versions").get(0)).put("author", "  ")))
                .hasMessage("scenario.json: version 1 (1.0.0) has an empty 'author'");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("versions").get(0)).put("author", 5)))
                .hasMessage("scenario.json: version 1 (1.0.0) has 'author' that is not text");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("versions").get(0)).put("daysAgo", "12")))
                .hasMessage("scenario.json: version 1 (1.0.0) has 'daysAgo' that is not a number");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("versions").get(0)).put("daysAgo", -1)))
                .hasMessage("scenario.json: version 1 (1.0.0) has a negative 'daysAgo'");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("quiz").get(0)).put("answer", 1.5)))
                .hasMessage("scenario.json: quiz question 1 has 'answer' that is not a whole number");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("steps").get(0)).put("check", 3)))
                .hasMessageStartingWith("scenario.json: step 1 has 'check' 3, which is not one of visit-versions, ");
        assertRefused(edit(s -> ((ObjectNode) s.withArray("steps").get(1)).putNull("hint")))
                .hasMessage("scenario.json: step 2 has no 'hint'");
        assertRefused(edit(s -> s.with("contrast").putArray("steps")))
                .hasMessage("scenario.json: contrast has an empty 'steps'");
        assertRefused(edit(s -> s.with("monitor").with("series").withArray("1.0.0").set(0, "x")))
                .hasMessage("scenario.json: monitor has 'series' '1.0.0' entry 1 that is not a number");
        assertRefused(edit(s -> s.put("steps", "x"))).hasMessage("scenario.json has 'steps' that is not a list [ … ]");
    }

    @Test
    void omittableFieldsTakeTheirDefaults() throws Exception {
        String text = edit(s -> {
            ((ObjectNode) s.withArray("versions").get(0)).remove(java.util.List.of("host", "metrics"));
            ((ObjectNode) s.withArray("tags").get(0)).remove("reason");
            s.remove("labels");
        });
        LearnScenario s = LearnScenarioLoader.parse("scenario.json",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.versions().get(0).host()).isEqualTo("learn-sandbox");
        assertThat(s.versions().get(0).metrics()).isEmpty();
        assertThat(s.tags().get(0).reason()).isNull();
        assertThat(s.tags().get(0).value()).isNull();
        assertThat(s.label("next", "fallback")).isEqualTo("fallback");
        assertThat(s.versions().get(1).host()).isEqualTo("ml-train-01");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String text) {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return assertThatThrownBy(() -> LearnScenarioLoader.parse("scenario.json", in))
                .isInstanceOf(RewindException.class)
                .matches(e -> ((RewindException) e).exitCode() == RewindException.BAD_INPUT)
                .matches(e -> !e.getMessage().contains("\n"), "one line");
    }

    /** The shipped file with one change. */
    private static String edit(Consumer<ObjectNode> change) {
        try (InputStream in = LearnScenarioTest.class.getResourceAsStream("/dev/rewind/learn/scenario.json")) {
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            change.accept(root);
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
