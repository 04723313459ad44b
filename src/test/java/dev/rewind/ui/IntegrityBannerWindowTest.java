package dev.rewind.ui;

import static dev.rewind.ui.WindowHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.service.OpenMode;
import dev.rewind.support.Tamper;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window checks the history when a catalog opens and shows a banner when it was tampered with. */
class IntegrityBannerWindowTest extends WindowTestBase {
    @Test
    void aTamperedCatalogShowsTheBanner(FxRobot robot) throws Exception {
        waitUntil(() -> w.vm.models().size() >= 4);
        Label banner = robot.lookup("#integrity-banner").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.isVisible()).isFalse();

        Tamper.withTriggersDropped(w.db, "UPDATE versions SET artifact_sha256 = (SELECT artifact_sha256 FROM versions"
                + " WHERE label = '1.0.0') WHERE label = '1.1.0'");
        WaitForAsyncUtils.asyncFx(() -> w.vm.open(w.db, OpenMode.EXISTING));

        waitUntil(banner::isVisible);
        assertThat(banner.getText()).contains("fails verification").contains("1.1.0");
        w.screenshot("integrity-banner");
    }
}
