package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import dev.rewind.support.CatalogDump;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class ImportWindowTest extends WindowTestBase {
    @Test
    void fileMenuImportsAnMlrunsFolderAndShowsItsModel(FxRobot robot) throws Exception {
        waitUntil(() -> w.vm.models().size() >= 4);
        Path store = Files.createDirectories(dir.resolve("store"));
        Path mlruns = dev.rewind.importer.MlflowFixturesAccess.mlruns(store);
        w.dialogs.importFrom = mlruns;
        robot.clickOn("File").clickOn("#menu-import-folder");
        waitUntil(() -> w.vm.models().stream().anyMatch(m -> m.name().equals("churn")));
        ModelSummary churn = w.vm.models().stream().filter(m -> m.name().equals("churn")).findFirst().orElseThrow();
        assertThat(churn.versionCount()).isEqualTo(2);
        assertThat(churn.targets()).anyMatch(t -> t.name().equals("prod") && "2".equals(t.liveVersion()));
        w.showModel(robot, "churn");
        assertThat(w.timeline().getData().versions()).hasSize(2);
    }

    @Test
    void aBrokenStoreShowsTheErrorAndImportsNothing(FxRobot robot) throws Exception {
        waitUntil(() -> w.vm.models().size() >= 4);
        Path store = Files.createDirectories(dir.resolve("store"));
        Path mlruns = dev.rewind.importer.MlflowFixturesAccess.mlruns(store);
        Files.writeString(mlruns.resolve("models/churn/meta.yaml"), "name: [churn\n");
        String before = CatalogDump.of(w.db);
        w.dialogs.importFrom = mlruns;
        robot.clickOn("File").clickOn("#menu-import-folder");
        waitUntil(() -> robot.lookup("#error-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#error-dialog .content").queryLabeled().getText()).contains("meta.yaml is not valid YAML");
        assertThat(CatalogDump.of(w.db)).isEqualTo(before);
    }
}
