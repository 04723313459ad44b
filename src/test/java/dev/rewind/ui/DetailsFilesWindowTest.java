package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ArtifactFile;
import dev.rewind.domain.Version;
import dev.rewind.service.RegisterRequest;
import dev.rewind.ui.common.TestCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Issue 16 item 6: Details lists a directory artifact's files and opens its stored folder (with a recording opener). */
class DetailsFilesWindowTest extends WindowTestBase {
    private final List<Path> opened = new CopyOnWriteArrayList<>();

    @Override
    @BeforeEach
    void open() throws java.util.concurrent.TimeoutException {
        FxToolkit.setupStage(stage -> w = new WindowHarness(stage, dir.resolve("demo.db"), (dev.rewind.ui.details.FolderOpener) opened::add));
    }

    @Test
    void aDirectoryArtifactListsItsFilesAndOpenFolderAsksForItsStoredCopy(FxRobot robot) throws Exception {
        waitUntil(() -> w.vm.models().size() >= 4);
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("config.json"), "{}");
        Files.writeString(Files.createDirectories(model.resolve("weights")).resolve("w.bin"), "0123456789");
        TestCatalogs.changeElsewhere(w.db, s -> s.registry().register(new RegisterRequest("fraud-detector", "3.0.0",
                model, List.of(), null, null, null, null, null)));
        w.showModel(robot, "fraud-detector");
        waitUntil(() -> w.timeline().positionOf("3.0.0") != null);
        w.clickVersion(robot, "3.0.0", MouseButton.PRIMARY);
        Version v = w.vm.model().detailsProperty().get();
        assertThat(v.label()).isEqualTo("3.0.0");

        @SuppressWarnings("unchecked")
        TableView<ArtifactFile> table = robot.lookup("#details-files-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(ArtifactFile::path).containsExactly("config.json", "weights/w.bin");
        assertThat(table.getItems().get(1).size()).isEqualTo(10);
        assertThat(table.getItems().get(1).sha256()).hasSize(64);
        assertThat(table.isVisible()).isTrue();
        w.screenshot("details-directory-files");

        Button open = robot.lookup("#details-open-folder").queryAs(Button.class);
        robot.clickOn(open);
        waitUntil(() -> opened.size() == 1);
        assertThat(opened.get(0)).isEqualTo(dir.resolve("artifacts").resolve(v.artifact().sha256()));
        assertThat(opened.get(0)).isDirectory();
    }

    @Test
    void aSingleFileArtifactShowsNoFileTable(FxRobot robot) {
        w.showModel(robot, "fraud-detector");
        waitUntil(() -> !w.vm.artifactFiles().readingProperty().get());
        assertThat(robot.lookup("#details-files").query().isVisible()).isFalse();
    }
}
