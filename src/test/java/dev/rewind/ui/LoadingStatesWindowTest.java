package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.ui.common.FxScheduler;
import dev.rewind.ui.common.GatedTaskExecutor;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While a model loads: its name, a spinner and an empty timeline, never the model before under the new name; once
 * loaded, the version its protected production serves is selected, not a label carried over from the model before.
 */
class LoadingStatesWindowTest extends WindowTestBase {
    final GatedTaskExecutor gate = new GatedTaskExecutor();

    @BeforeEach
    @Override
    void open() throws TimeoutException {
        FxToolkit.setupStage(stage -> w = new WindowHarness(stage, dir.resolve("demo.db"), new FxScheduler(), gate));
    }

    @Test
    void aLoadingModelShowsItsNameASpinnerAndNothingOfTheModelBefore(FxRobot robot) {
        w.showModel(robot, "churn-predictor");
        w.clickVersion(robot, "1.1.0", MouseButton.PRIMARY);
        assertThat(robot.lookup("#details-title").queryLabeled().getText()).isEqualTo("churn-predictor 1.1.0");

        gate.hold("Load fraud-detector");
        w.showModelWithoutWaiting(robot, "fraud-detector");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#model-title").queryLabeled().getText()).isEqualTo("fraud-detector");
        assertThat(robot.lookup("#model-loading").query().isVisible()).as("no spinner flashes for a quick read")
                .isFalse();
        waitUntil(() -> robot.lookup("#model-loading").query().isVisible()); // a slow one says so
        assertThat(w.timeline().getData().versions()).isEmpty();
        assertThat(w.timeline().lastLayout().marks()).isEmpty();
        assertThat(w.timeline().lastLayout().lanes()).isEmpty();
        assertThat(w.timeline().loadingProperty().get()).as("the empty timeline says it is loading, not 'No versions yet'")
                .isTrue();
        assertThat(robot.lookup("#details-title").tryQuery()).as("no churn-predictor details").isEmpty();
        assertThat(w.vm.model().events()).as("no churn-predictor history").isEmpty();
        assertThat(w.vm.model().targets()).isEmpty();

        robot.interact(gate::release);
        waitUntil(() -> !w.vm.model().loadingProperty().get() && !w.timeline().getData().versions().isEmpty());
        w.detailsRead();
        assertThat(robot.lookup("#model-loading").query().isVisible()).isFalse();
        assertThat(w.timeline().loadingProperty().get()).isFalse();
        // fraud-detector has a 1.1.0 too; what opens is what its protected production serves
        assertThat(w.timeline().currentProperty().get().label()).isEqualTo("2.0.0");
        assertThat(w.timeline().getSelection()).extracting(v -> v.label()).containsExactly("2.0.0");
        assertThat(robot.lookup("#details-title").queryLabeled().getText()).isEqualTo("fraud-detector 2.0.0");
    }
}
