package dev.rewind.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.ModelSummary;
import dev.rewind.service.DemoService;
import dev.rewind.service.Services;
import dev.rewind.ui.common.FxTaskRunner;
import dev.rewind.ui.shell.MainView;
import dev.rewind.ui.shell.MainViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FirstWindowTest {
    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        Path db = dir.resolve("demo.db");
        MainViewModel vm = new MainViewModel(new FxTaskRunner(), () -> {
            Services s = new Services(SqliteCatalog.open(db, true), new Actor("t", "h"), Clock.systemUTC());
            s.demo().create(DemoService.Scale.SMALL, 42);
            return s;
        });
        stage.setTitle("Rewind");
        stage.setScene(new Scene(new MainView(vm), 1000, 700));
        stage.show();
        vm.open();
    }

    @Test
    void opensAndListsTheDemoModels(FxRobot robot) throws Exception {
        ListView<ModelSummary> list = robot.lookup("#model-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() >= 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(ModelSummary::name)
                .contains("fraud-detector", "churn-predictor", "image-classifier");
        assertThat(robot.lookup("#status").queryLabeled().getText()).isEqualTo("4 models");
        assertThat(robot.lookup("#status-catalog").queryLabeled().getText()).endsWith("demo.db");
        assertThat(((Stage) list.getScene().getWindow()).getTitle()).isEqualTo("Rewind");

        robot.clickOn("#model-filter").write("fraud");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(ModelSummary::name).containsExactly("fraud-detector");
        TextField filter = robot.lookup("#model-filter").query();
        assertThat(filter.getText()).isEqualTo("fraud");
    }
}
