package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.MoveRequest;
import dev.rewind.service.OpenMode;
import dev.rewind.service.ServerPasswords;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.Fixture;
import dev.rewind.support.PgSandbox;
import dev.rewind.support.PgSessions;
import dev.rewind.ui.common.FxScheduler;
import dev.rewind.ui.common.FxTaskExecutor;
import dev.rewind.ui.shell.MainView;
import dev.rewind.ui.shell.MainViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a team catalog on PostgreSQL: a colleague's rollback through another connection shows within a
 * second, a killed connection shows the banner and comes back, and "Connect to PostgreSQL…" opens one.
 */
@ExtendWith({ApplicationExtension.class, PgSandbox.class})
class ServerWindowTest {
    private static final String PASSWORD = "s3cret-never-shown";

    @TempDir
    Path dir;
    MainViewModel vm;
    Stage stage;

    private void window() throws Exception {
        FxToolkit.setupStage(s -> {
            stage = s;
            MainView.applyTheme(false);
            ServerPasswords typed = new ServerPasswords();
            vm = new MainViewModel(new FxTaskExecutor(), new TestDialogs(() -> s), new FxScheduler(),
                    Clock.systemUTC(), RewindApp.opener(typed, Map.of(), dir.resolve("pg-local")),
                    new dev.rewind.ui.details.DesktopFolderOpener(),
                    dev.rewind.ui.versions.ColumnChoices.inMemory(), typed);
            s.setScene(RewindApp.scene(new MainView(vm)));
            s.setTitle("Rewind");
            s.show();
        });
    }

    @AfterEach
    void close() {
        if (vm != null) {
            WaitForAsyncUtils.asyncFx(() -> vm.close());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private String live(String target) {
        return vm.models().stream().filter(m -> m.name().equals("m")).findFirst().map(ModelSummary::targets)
                .orElse(List.of()).stream().filter(t -> t.name().equals(target)).findFirst()
                .map(t -> t.liveVersion()).orElse(null);
    }

    @Test
    void aColleaguesRollbackShowsWithinASecondAndALostConnectionComesBack(FxRobot robot, PgSandbox.Server server)
            throws Exception {
        CatalogBackend pg = CatalogBackend.postgresql(() -> server);
        try (Fixture colleague = Fixture.deployedThrice(dir, pg)) {
            window();
            String url = pg.address(dir);
            WaitForAsyncUtils.asyncFx(() -> vm.openOrAsk(Path.of(url), false));
            waitUntil(() -> "2.0".equals(live("production")));
            assertThat(vm.catalogPathProperty().get()).isEqualTo(url);
            Thread.sleep(300); // the window's first wait on the server is under way

            long start = System.nanoTime();
            colleague.services.deployments().rollback(MoveRequest.of("m", "production", "1.1")
                    .expecting(Optional.of("2.0")).because("paged at night"));
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> "1.1".equals(live("production")));
            Duration seen = Duration.ofNanos(System.nanoTime() - start);
            assertThat(seen).as("the colleague's rollback in the window").isLessThan(Duration.ofSeconds(1));

            Label banner = robot.lookup("#connection-banner").queryAs(Label.class);
            assertThat(banner.isVisible()).isFalse();
            List<String> said = new CopyOnWriteArrayList<>();
            WaitForAsyncUtils.asyncFx(() -> vm.lostConnectionProperty().addListener((o, a, now) -> {
                if (now != null) {
                    said.add(now + " visible=" + banner.isVisible());
                }
            }));
            WaitForAsyncUtils.waitForFxEvents();
            PgSessions.killAll(pg, dir);
            waitUntil(() -> !said.isEmpty());
            assertThat(said.get(0)).startsWith("Lost connection to " + url + " — reconnecting…");
            // a colleague moves while the window is away; its connection comes back for the move
            colleague.services.deployments().deploy(MoveRequest.of("m", "staging", "1.0").because("while away"));
            waitUntil(() -> vm.lostConnectionProperty().get() == null && "1.0".equals(live("staging")));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(banner.isVisible()).as("the banner goes once reconnected").isFalse();
            assertThat(vm.lastChangeProperty().get()).matches("(Reconnected|Change seen) .*");
        }
    }

    @Test
    void connectToPostgresqlOpensTheServersCatalogAndShowsNoPassword(FxRobot robot, PgSandbox.Server server)
            throws Exception {
        CatalogBackend pg = CatalogBackend.postgresql(() -> server);
        try (Fixture f = Fixture.deployedThrice(dir, pg)) {
            window();
            Matcher m = Pattern.compile("postgresql://rewind@([^:]+):(\\d+)/(\\w+)").matcher(pg.address(dir));
            assertThat(m.matches()).isTrue();
            robot.clickOn("File").clickOn("#menu-connect");
            waitUntil(() -> robot.lookup("#connect-dialog").tryQuery().isPresent());
            robot.doubleClickOn("#connect-host").write(m.group(1));
            robot.doubleClickOn("#connect-port").write("port");
            robot.doubleClickOn("#connect-database").write(m.group(3));
            robot.doubleClickOn("#connect-user").write("rewind");
            robot.clickOn("#connect-password").write(PASSWORD);
            @SuppressWarnings("unchecked")
            ComboBox<String> sslmode = robot.lookup("#connect-sslmode").queryAs(ComboBox.class);
            WaitForAsyncUtils.asyncFx(() -> sslmode.setValue("disable"));
            robot.clickOn("#connect-confirm");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#connect-problem").queryAs(Label.class).getText())
                    .as("a port that is no number is named, the dialog stays").startsWith("port:");
            robot.doubleClickOn("#connect-port").write(m.group(2));
            robot.clickOn("#connect-confirm");

            waitUntil(() -> "2.0".equals(live("production")));
            String address = "postgresql://rewind@" + m.group(1) + ":" + m.group(2) + "/" + m.group(3);
            assertThat(vm.catalogPathProperty().get()).isEqualTo(address);
            assertThat(vm.recent()).first().isEqualTo(address + "?sslmode=disable");
            assertThat(stage.getTitle()).doesNotContain(PASSWORD);
            assertThat(String.join("\n", vm.recent()) + vm.catalogPathProperty().get() + vm.statusProperty().get()
                    + vm.lastChangeProperty().get()).doesNotContain(PASSWORD);
            assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                    .noneMatch(t -> t != null && t.contains(PASSWORD));
        }
    }
}
