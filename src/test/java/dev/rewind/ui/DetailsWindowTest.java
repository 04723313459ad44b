package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Version;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Details in a 1024×700 window: identifiers copy whole, values never break inside a token. */
class DetailsWindowTest extends WindowTestBase {

    @Test
    void theChecksumAndTheRunIdCopyWholeAndTheReferenceIsOnTheTitle(FxRobot robot) throws Exception {
        small(robot);
        w.showModel(robot, "fraud-detector");
        Version v = w.vm.model().detailsProperty().get();
        assertThat(v.artifact().sha256()).hasSize(64);

        robot.clickOn("#details-sha256-copy");
        assertThat(clipboard()).isEqualTo(v.artifact().sha256());
        assertThat(robot.lookup("#details-sha256-copy").queryAs(Button.class).getText()).isEqualTo("Copied");
        if (v.sourceRun() != null) {
            robot.clickOn("#details-source-run-copy");
            assertThat(clipboard()).isEqualTo(v.sourceRun());
        }
        robot.clickOn("#details-reference-copy");
        assertThat(clipboard()).isEqualTo(v.model() + ":" + v.label());
    }

    @Test
    void aShortValueIsNeverBrokenInsideItAndALongOneKeepsItsWholeTextInATooltip(FxRobot robot) {
        small(robot);
        w.showModel(robot, "fraud-detector");
        List<Label> values = robot.lookup("#details .rw-value").queryAllAs(Label.class).stream().toList();
        assertThat(values).hasSizeGreaterThan(5);
        for (Label l : values) {
            String text = l.getText();
            if (text.chars().noneMatch(Character::isWhitespace) && text.length() <= 32) {
                assertThat(l.getWidth()).as("'" + text + "' laid out whole").isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
            } else if (text.chars().noneMatch(Character::isWhitespace)) {
                assertThat(l.getTooltip()).as("'" + text + "' has its whole text in a tooltip").isNotNull();
                assertThat(l.getTooltip().getText()).isEqualTo(text);
            }
        }
    }

    private void small(FxRobot robot) {
        robot.interact(() -> {
            Window window = w.view.getScene().getWindow();
            window.setWidth(1024);
            window.setHeight(700);
        });
    }

    private static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }
}
