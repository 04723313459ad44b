package dev.rewind.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.importer.MlflowFixturesAccess;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogDump;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Import from MLflow without a window: progress while it runs, cancel, and the errors it shows. */
class ImportViewModelTest {
    @TempDir
    Path dir;
    Path db;
    Path mlruns;
    Services services;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    final List<String> messages = new ArrayList<>();
    final List<Double> progress = new ArrayList<>();
    int imports;
    ImportViewModel vm;

    @BeforeEach
    void open() throws Exception {
        db = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("catalog.db"));
        services = TestCatalogs.open(db);
        mlruns = MlflowFixturesAccess.mlruns(Files.createDirectories(dir.resolve("store")));
        vm = new ImportViewModel(tasks, dialogs, () -> services, () -> imports++);
        vm.messageProperty().addListener((o, was, now) -> messages.add(now));
        vm.progressProperty().addListener((o, was, now) -> progress.add(now.doubleValue()));
    }

    @AfterEach
    void close() {
        TestCatalogs.close(services);
    }

    @Test
    void anImportReportsItsProgressWhileItRunsThenSaysWhatItImported() {
        dialogs.importSource = Optional.of(mlruns);
        vm.requestImport(true);
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Importing mlruns…");
        assertThat(vm.progressProperty().get()).as("not known yet").isEqualTo(-1);
        vm.requestImport(true);
        assertThat(tasks.pending()).as("one import at a time").hasSize(1);

        tasks.runAll();
        assertThat(messages).anyMatch(m -> m.startsWith("Importing mlruns: "));
        assertThat(progress).allMatch(p -> p == -1 || (p >= 0 && p <= 1)).anyMatch(p -> p >= 0);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(imports).isEqualTo(1);
        assertThat(dialogs.notices).extracting(RecordingDialogs.Notice::message).singleElement().asString()
                .matches("Imported 2 new versions of 1 model(;.*)?");
        assertThat(services.registry().models()).anyMatch(m -> m.name().equals("churn"));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void cancellingStopsTheImportAndNothingIsImported() throws Exception {
        String before = CatalogDump.of(db);
        vm.importFrom(mlruns);
        vm.messageProperty().addListener((o, was, now) -> {
            if (now.startsWith("Importing mlruns: ")) {
                vm.cancel(); // at the first report, as a person pressing Cancel while it reads
            }
        });
        tasks.runAll();
        assertThat(messages).contains("Cancelling…");
        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Import failed; nothing was imported");
            assertThat(e.message()).isEqualTo("import cancelled; nothing was imported");
        });
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(imports).isZero();
        assertThat(CatalogDump.of(db)).isEqualTo(before);
    }

    @Test
    void aBrokenStoreShowsTheErrorAndImportsNothing() throws Exception {
        Files.writeString(mlruns.resolve("models/churn/meta.yaml"), "name: [churn\n");
        String before = CatalogDump.of(db);
        vm.importFrom(mlruns);
        tasks.runAll();
        assertThat(dialogs.errors).singleElement().extracting(RecordingDialogs.Error::message).asString()
                .contains("meta.yaml is not valid YAML");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(CatalogDump.of(db)).isEqualTo(before);
    }

    @Test
    void noSourceChosenStartsNothing() {
        vm.requestImport(false);
        assertThat(tasks.pending()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
