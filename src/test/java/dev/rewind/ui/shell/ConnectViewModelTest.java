package dev.rewind.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.RewindException;
import dev.rewind.service.OpenMode;
import dev.rewind.service.ServerLogin;
import dev.rewind.service.ServerPasswords;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.ManualScheduler;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.details.DesktopFolderOpener;
import dev.rewind.ui.versions.ColumnChoices;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Connect to PostgreSQL…" without a window: the address it opens, and where the typed password goes (nowhere shown). */
class ConnectViewModelTest {
    private static final String PASSWORD = "s3cret-pw";
    final RecordingDialogs dialogs = new RecordingDialogs();
    final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2030-01-02T03:04:05Z"));
    final ServerPasswords passwords = new ServerPasswords();
    final List<String> opened = new ArrayList<>();
    final List<String> givenPasswords = new ArrayList<>();

    private MainViewModel vm(dev.rewind.ui.common.TaskExecutor tasks) {
        return new MainViewModel(tasks, dialogs, scheduler, scheduler.clock(), (path, mode) -> {
            opened.add(path + " " + mode);
            givenPasswords.add(passwords.environment(Map.of("PGPASSWORD", "from-env"), path.toString())
                    .get("PGPASSWORD"));
            throw RewindException.unreadable("cannot open catalog postgresql://ana@db.example:6543/team: "
                    + "FATAL: password authentication failed for user \"ana\"");
        }, new DesktopFolderOpener(), ColumnChoices.inMemory(), passwords);
    }

    @Test
    void theTypedPasswordReachesTheOpenerOnlyAndNeverWhatTheWindowShows() {
        MainViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.connect(ServerLogin.of(" db.example ", "6543", "team", "ana", PASSWORD, "require"));
        assertThat(opened).containsExactly("postgresql:/ana@db.example:6543/team?sslmode=require EXISTING");
        assertThat(givenPasswords).containsExactly(PASSWORD);
        assertThat(vm.errorProperty().get()).contains("password authentication failed").doesNotContain(PASSWORD)
                .doesNotContain("\n");
        assertThat(vm.statusProperty().get() + vm.catalogPathProperty().get() + vm.recent())
                .doesNotContain(PASSWORD);

        vm.connect(ServerLogin.of("db.example", "6543", "team", "ana", "", "require"));
        assertThat(givenPasswords).as("empty: PGPASSWORD (or ~/.pgpass) as on the command line")
                .containsExactly(PASSWORD, "from-env");
        vm.close();
    }

    @Test
    void anAddressWithAPasswordIsShownWithoutItWhileOpening() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        MainViewModel vm = vm(tasks);
        vm.openOrAsk(Path.of("postgresql://ana:" + PASSWORD + "@db.example/team"), false);
        assertThat(vm.statusProperty().get()).isEqualTo("Opening postgresql://ana@db.example/team…");
        vm.open(Path.of("/tmp/x.db"), OpenMode.EXISTING);
        assertThat(vm.statusProperty().get()).isEqualTo("Opening /tmp/x.db…");
        vm.close();
    }

    @Test
    void aFieldThatCannotBeRightIsNamedInOneLine() {
        assertThatThrownBy(() -> ServerLogin.of("", "5432", "team", "ana", "", "")).hasMessageStartingWith("host:");
        assertThatThrownBy(() -> ServerLogin.of("db", "99999", "team", "ana", "", "")).hasMessageStartingWith("port:");
        assertThatThrownBy(() -> ServerLogin.of("db", "5432", " ", "ana", "", "")).hasMessageStartingWith("database:");
        assertThatThrownBy(() -> ServerLogin.of("db", "5432", "team", "", "", "")).hasMessageStartingWith("user:");
        assertThatThrownBy(() -> ServerLogin.of("db", "5432", "team", "ana", "", "maybe"))
                .hasMessageStartingWith("sslmode:");
        ServerLogin odd = ServerLogin.of("::1", "", "my db", "ana maria", PASSWORD, "");
        assertThat(odd.address()).isEqualTo("postgresql://ana%20maria@[::1]:5432/my%20db");
        assertThat(odd.toString()).doesNotContain(PASSWORD);
    }
}
