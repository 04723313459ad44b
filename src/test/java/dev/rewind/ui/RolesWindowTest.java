package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.Keyring;
import dev.rewind.catalog.postgres.ServerOrFileOpener;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.ModelSummary;
import dev.rewind.service.CatalogSessions;
import dev.rewind.support.CliRun;
import dev.rewind.support.PgSandbox;
import dev.rewind.ui.common.FxScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window on a team catalog, connected as a deployer: what only a releaser may do is off, and it says why. */
@ExtendWith({ApplicationExtension.class, PgSandbox.class})
class RolesWindowTest {
    @TempDir
    Path dir;
    WindowHarness w;

    @AfterEach
    void close() {
        if (w != null) {
            WaitForAsyncUtils.asyncFx(() -> w.vm.close());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void aDeployerSeesDeployToAProtectedTargetOffWithTheRoleItNeeds(FxRobot robot, PgSandbox.Server server)
            throws Exception {
        String url = server.newDatabase();
        CliRun cli = new CliRun(Path.of(url)).with("REWIND_PG_LOCAL", dir.resolve("local").toString());
        assertThat(cli.run("init").code()).isZero();
        for (String v : new String[] {"1.0", "2.0"}) {
            Path art = Files.writeString(dir.resolve(v + ".bin"), "weights " + v);
            assertThat(cli.run("register", "m", v, "--artifact", art.toString()).code()).isZero();
        }
        assertThat(cli.run("target", "add", "m", "production", "--protected").code()).isZero();
        assertThat(cli.run("target", "add", "m", "staging").code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.0", "--reason", "launch").code()).isZero();
        assertThat(cli.run("admin", "init-roles").code()).isZero();
        try (Connection c = DriverManager.getConnection(PgSandbox.Server.jdbc(url)); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'wanda'")) {
                if (!rs.next()) {
                    st.execute("CREATE ROLE wanda LOGIN");
                }
            }
            st.execute("GRANT rewind_deployer TO wanda");
        }
        Keyring keys = new Keyring(dir.resolve("keys"));
        CatalogSessions sessions = new CatalogSessions(new ServerOrFileOpener(SqliteCatalog.opener(keys), keys,
                Map.of(), dir.resolve("local")), new Actor("wanda", "test-host"), Clock.systemUTC());
        Path asWanda = Path.of(url.replaceFirst("^postgresql://rewind@", "postgresql://wanda@"));
        FxToolkit.setupStage(stage -> w = new WindowHarness(stage, asWanda, new FxScheduler(), sessions::open));

        try {
            waitUntil(() -> w.vm.models().size() == 1);
        } catch (AssertionError e) {
            throw new AssertionError("window did not list m: " + w.vm.statusProperty().get() + " / "
                    + w.vm.errorProperty().get() + " / " + w.vm.errorDetailsProperty().get(), e);
        }
        Node cell = robot.lookup("#model-list .list-cell").<Node>match(n ->
                n instanceof javafx.scene.control.ListCell<?> c && c.getItem() instanceof ModelSummary m
                        && m.name().equals("m")).query();
        robot.clickOn(cell, MouseButton.PRIMARY);
        waitUntil(() -> "m".equals(w.vm.model().modelProperty().get()) && !w.vm.model().loadingProperty().get()
                && w.timeline().getData().versions().size() == 2);
        // registered a moment apart, the two versions share one mark on the timeline: select 2.0 as its menu would
        WaitForAsyncUtils.asyncFx(() -> w.vm.model().currentProperty().set(w.timeline().getData().versions()
                .stream().filter(v -> v.label().equals("2.0")).findFirst().orElseThrow()));
        w.detailsRead();

        Label note = robot.lookup("#role-note").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("Protected targets need rewind_releaser");
        assertThat(note.getTooltip().getText()).contains("rewind_releaser").contains("wanda");
        assertThat(robot.lookup("#tag-button").queryAs(Button.class).isDisabled()).isFalse();
        MenuButton move = robot.lookup("#move-button").queryAs(MenuButton.class);
        assertThat(move.isDisabled()).isFalse();
        robot.clickOn(move);
        waitUntil(() -> move.getItems().stream().anyMatch(i -> "move-production".equals(i.getId())));
        MenuItem production = item(move, "move-production");
        MenuItem staging = item(move, "move-staging");
        assertThat(production.isDisable()).isTrue();
        assertThat(production.getText()).startsWith("Deploy 2.0 to production").endsWith("(needs rewind_releaser)");
        assertThat(staging.isDisable()).isFalse();
        assertThat(staging.getText()).isEqualTo("Deploy 2.0 to staging…");
        w.screenshot("roles-deployer");
        assertThat(robot.lookup("#tag-button").queryAs(Button.class).getText()).isEqualTo("Tag…"); // not squeezed
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    private static MenuItem item(MenuButton menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
