package dev.rewind.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.ReadOnlyCatalogException;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.OpenMode;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.DialogService.MissingCatalog;
import dev.rewind.ui.common.ManualScheduler;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a path with no catalog asks first; a catalog this user cannot write opens read-only; a bug is a failure with details. */
class OpenCatalogViewModelTest {
    @TempDir
    Path dir;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2030-01-02T03:04:05Z"));
    final List<OpenMode> modes = new ArrayList<>();
    MainViewModel vm;

    private MainViewModel vm(BiFunction<Path, OpenMode, CatalogSessions.Opened> opener) {
        vm = new MainViewModel(new CurrentThreadTaskExecutor(), dialogs, scheduler, scheduler.clock(), (p, m) -> {
            modes.add(m);
            return opener.apply(p, m);
        });
        return vm;
    }

    private MainViewModel vm() {
        return vm(TestCatalogs.opener(TestCatalogs.template()));
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void aMissingPathAsksAndCancellingCreatesNothing() {
        Path typo = dir.resolve("catalgo.db");
        vm().openOrAsk(typo, false);
        assertThat(dialogs.missingAsked).containsExactly(typo);
        assertThat(modes).isEmpty();
        assertThat(typo).doesNotExist();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("No catalog open").contains(typo.toString());
    }

    @Test
    void aMissingPathBecomesAnEmptyCatalogOnlyWhenAsked() {
        Path fresh = dir.resolve("fresh.db");
        dialogs.missingChoice = Optional.of(MissingCatalog.CREATE_EMPTY);
        vm().openOrAsk(fresh, false);
        assertThat(modes).containsExactly(OpenMode.CREATE_EMPTY);
        assertThat(fresh).exists();
        assertThat(vm.models()).isEmpty();
        assertThat(vm.catalogPathProperty().get()).isEqualTo(fresh.toString());
    }

    @Test
    void aMissingPathGetsTheDemoWhenAskedAndTheTourIsOffered() {
        Path demo = dir.resolve("demo.db");
        dialogs.missingChoice = Optional.of(MissingCatalog.CREATE_DEMO);
        vm().openOrAsk(demo, false);
        assertThat(modes).containsExactly(OpenMode.DEMO_IF_MISSING);
        assertThat(vm.models()).extracting(ModelSummary::name).contains("m");
        assertThat(vm.learn().offerProperty().get()).isTrue();
    }

    @Test
    void choosingAnotherFileOpensThatOneAndAMissingChoiceAsksAgain() {
        Path other = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("other.db"));
        dialogs.missingChoice = Optional.of(MissingCatalog.CHOOSE_ANOTHER);
        dialogs.catalogFile = Optional.of(other);
        vm().openOrAsk(dir.resolve("typo.db"), false);
        assertThat(modes).containsExactly(OpenMode.EXISTING);
        assertThat(vm.catalogPathProperty().get()).isEqualTo(other.toString());

        dialogs.catalogFile = Optional.of(dir.resolve("gone.db"));
        dialogs.missingChoice = Optional.empty();
        vm.openOrAsk(dir.resolve("typo2.db"), false);
        assertThat(dialogs.missingAsked).containsExactly(dir.resolve("typo.db"), dir.resolve("typo2.db"));
        assertThat(vm.catalogPathProperty().get()).as("the open catalog stays").isEqualTo(other.toString());
        assertThat(vm.statusProperty().get()).isEqualTo("3 models");
    }

    @Test
    void anExistingPathOpensWithoutAskingAndTheDefaultPathGetsTheDemoSilently() {
        Path existing = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("a.db"));
        vm().openOrAsk(existing, false);
        Path home = dir.resolve("home.db");
        vm.openOrAsk(home, true);
        assertThat(dialogs.missingAsked).isEmpty();
        assertThat(modes).containsExactly(OpenMode.EXISTING, OpenMode.DEMO_IF_MISSING);
        assertThat(home).exists();
        assertThat(vm.learn().offerProperty().get()).isTrue();
    }

    @Test
    void aCatalogThisUserCannotWriteOpensReadOnly() {
        Path db = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("shared.db"));
        BiFunction<Path, OpenMode, CatalogSessions.Opened> real = TestCatalogs.opener(TestCatalogs.template());
        vm((p, m) -> {
            if (m != OpenMode.READ_ONLY) { // what the catalog says when the file or its folder is not writable
                throw new ReadOnlyCatalogException(p.toString());
            }
            return real.apply(p, m);
        }).openOrAsk(db, false);
        assertThat(modes).containsExactly(OpenMode.EXISTING, OpenMode.READ_ONLY);
        assertThat(vm.readOnlyProperty().get()).isTrue();
        assertThat(vm.models()).extracting(ModelSummary::name).containsExactly("m", "n", "o");
        assertThat(dialogs.errors).isEmpty();

        vm.open(TestCatalogs.copy(TestCatalogs.template(), dir.resolve("mine.db")), OpenMode.READ_ONLY);
        assertThat(vm.readOnlyProperty().get()).isTrue();
        vm.close();
        vm = vm();
        vm.open(TestCatalogs.copy(TestCatalogs.template(), dir.resolve("mine2.db")), OpenMode.EXISTING);
        assertThat(vm.readOnlyProperty().get()).isFalse();
    }

    @Test
    void anUnexpectedErrorIsOneLineWithTheTraceAsDetails() {
        BiFunction<Path, OpenMode, CatalogSessions.Opened> real = TestCatalogs.opener(TestCatalogs.template());
        vm((p, m) -> {
            if (modes.size() == 1) {
                throw new IllegalStateException("a bug while opening\nwith a second line");
            }
            return real.apply(p, m);
        }).open(dir.resolve("x.db"), OpenMode.EXISTING);
        assertThat(vm.errorProperty().get()).isEqualTo("Unexpected error: IllegalStateException: a bug while opening");
        assertThat(vm.errorDetailsProperty().get()).contains("with a second line")
                .contains("\tat " + OpenCatalogViewModelTest.class.getName());

        vm.open(dir.resolve("y.db"), OpenMode.EXISTING);
        assertThat(vm.errorProperty().get()).startsWith("no catalog at");
        assertThat(vm.errorDetailsProperty().get()).as("an expected failure has no trace").isNull();
    }
}
