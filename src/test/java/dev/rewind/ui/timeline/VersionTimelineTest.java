package dev.rewind.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Artifact;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Lane;
import dev.rewind.domain.Version;
import dev.rewind.ui.shell.MainView;
import dev.rewind.ui.timeline.TimelineLayout.VersionMark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.PickResult;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline control alone in a window under the app's theme: styled from CSS, menus from its factory. */
@ExtendWith(ApplicationExtension.class)
class VersionTimelineTest {
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @TempDir
    Path dir;
    VersionTimeline timeline;
    Scene scene;
    final List<Version> asked = new ArrayList<>();
    ContextMenu shown;

    @Start
    void start(Stage stage) {
        MainView.applyTheme(false);
        timeline = new VersionTimeline();
        List<Version> vs = List.of(version("1.0.0", 0), version("1.0.1", 1), version("1.0.2", 2));
        Lane production = new Lane("production", List.of(
                new Lane.Segment("1.0.0", at(0), at(2), EventKind.DEPLOY),
                new Lane.Segment("1.0.2", at(2), null, EventKind.DEPLOY)), "1.0.2");
        timeline.setData(new TimelineData(vs, List.of(production), at(3)));
        scene = new Scene(new StackPane(timeline), 900, 300);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void backToLight() {
        WaitForAsyncUtils.asyncFx(() -> MainView.applyTheme(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theThemeColoursTheTimelineAndSwitchingToDarkRestylesIt() {
        waitUntil(() -> timeline.lastLayout() != null);
        assertThat(timeline.colorProperty(TimelineColor.LIVE).get()).isEqualTo(Color.web("#0969da"));
        assertThat(timeline.colorProperty(TimelineColor.BACKGROUND).get()).isEqualTo(Color.WHITE);
        assertThat(pixel(5, timeline.getHeight() - 3)).isEqualTo(Color.WHITE);

        WaitForAsyncUtils.asyncFx(() -> MainView.applyTheme(true));
        WaitForAsyncUtils.waitForFxEvents();

        // PrimerDark's -color-accent-fg and -color-bg-default, with no flag telling the timeline
        assertThat(timeline.colorProperty(TimelineColor.LIVE).get()).isEqualTo(Color.web("#58a6ff"));
        assertThat(timeline.colorProperty(TimelineColor.BACKGROUND).get()).isEqualTo(Color.web("#0d1117"));
        assertThat(pixel(5, timeline.getHeight() - 3)).isEqualTo(Color.web("#0d1117"));
    }

    @Test
    void aStylesheetRuleSetsTheTimelinesPropertiesAndWhatIsDrawn() throws Exception {
        Path css = Files.writeString(dir.resolve("red.css"),
                ".rw-timeline { -rw-live-color: #ff0000; -rw-lane-height: 40px; -rw-font: 15px System; }");
        WaitForAsyncUtils.asyncFx(() -> scene.getStylesheets().add(css.toUri().toString()));
        waitUntil(() -> timeline.lastLayout() != null && timeline.lastLayout().lanes().get(0).height() == 40);

        assertThat(timeline.colorProperty(TimelineColor.LIVE).get()).isEqualTo(Color.RED);
        assertThat(timeline.sizeProperty(TimelineSize.LANE_HEIGHT).get()).isEqualTo(40);
        assertThat(timeline.fontProperty().get().getSize()).isEqualTo(15);
        VersionMark live = timeline.lastLayout().markOf("1.0.2").orElseThrow();
        assertThat(live.live()).isTrue();
        // the live ring, drawn 3 px wide at radius + 3
        Color ring = pixel(live.x() + live.radius() + 3, live.y());
        assertThat(ring.getRed()).isGreaterThan(0.85);
        assertThat(ring.getGreen()).isLessThan(0.25);
        assertThat(ring.getBlue()).isLessThan(0.25);
        // and labels are measured in the styled font (bold: 1.0.2 is live)
        Text probe = new Text("1.0.2");
        probe.setFont(Font.font(timeline.fontProperty().get().getFamily(), javafx.scene.text.FontWeight.BOLD, 15));
        assertThat(live.label().width()).isEqualTo(probe.getLayoutBounds().getWidth());
    }

    @Test
    void theContextMenuComesFromTheFactoryOnRightClickAndFromTheKeyboard(FxRobot robot) {
        waitUntil(() -> timeline.lastLayout() != null);
        timeline.setContextMenuFactory(v -> {
            asked.add(v);
            shown = new ContextMenu(new MenuItem("Tag " + v.label()));
            shown.setId("probe-menu");
            return shown;
        });

        Point2D p = timeline.positionOf("1.0.1");
        robot.moveTo(timeline.localToScreen(p)).clickOn(MouseButton.SECONDARY);
        waitUntil(() -> shown != null && shown.isShowing());
        assertThat(asked).extracting(Version::label).containsExactly("1.0.1");
        assertThat(timeline.currentProperty().get().label()).as("the version is selected first").isEqualTo("1.0.1");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !shown.isShowing());

        // Shift+F10 and the menu key arrive as a keyboard-triggered request, for the current version
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.selectLabel("1.0.0");
            Event.fireEvent(timeline, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, 10, 10,
                    true, new PickResult(timeline, 10, 10)));
        });
        waitUntil(() -> asked.size() == 2 && shown.isShowing());
        assertThat(asked.get(1).label()).isEqualTo("1.0.0");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void textIsMeasuredByItsFontNotByItsLength() {
        TextMeasurer m = new TextMeasurer(Font.font("System", 11));
        double wide = m.width("WWWW");
        assertThat(wide).isGreaterThan(m.width("iiii") * 2);
        assertThat(m.width("WWWW")).isEqualTo(wide);
        m.setFont(Font.font("System", 22));
        assertThat(m.width("WWWW")).as("a new font is measured afresh").isGreaterThan(wide * 1.5);
    }

    private Color pixel(double x, double y) {
        WritableImage[] img = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> img[0] = timeline.snapshot(null, null));
        WaitForAsyncUtils.waitForFxEvents();
        return img[0].getPixelReader().getColor((int) Math.round(x), (int) Math.round(y));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Instant at(double days) {
        return T0.plusMillis((long) (days * Duration.ofDays(1).toMillis()));
    }

    private static Version version(String label, long seq) {
        return new Version(seq + 1, "m", label, seq, at(seq), "ann", "", new Artifact("file:/m", null, null), null,
                null, Map.of(), Map.of(), Map.of());
    }
}
