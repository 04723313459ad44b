package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Issue 16 item 2: the model filter finds a model by a version's description, and says when nothing matches. */
class ModelSearchWindowTest extends WindowTestBase {
    @Test
    void aDescriptionFindsItsModelAndAFilterMatchingNothingSaysSo(FxRobot robot) {
        waitUntil(() -> w.vm.models().size() >= 4);
        // "Transformer over transaction sequences" describes fraud-detector 2.0.0 in the demo, and no name or tag
        robot.clickOn("#model-filter").write("transaction seq");
        waitUntil(() -> w.vm.models().size() == 1);
        assertThat(w.vm.models()).extracting(ModelSummary::name).containsExactly("fraud-detector");

        robot.doubleClickOn("#model-filter").eraseText(40).write("xyz");
        waitUntil(() -> w.vm.models().isEmpty());
        Node empty = robot.lookup("#model-list-empty").query();
        assertThat(empty.isVisible()).isTrue();
        assertThat(((Label) empty).getText()).isEqualTo("No model matches \u201cxyz\u201d.");
        w.screenshot("model-list-no-match");
    }
}
