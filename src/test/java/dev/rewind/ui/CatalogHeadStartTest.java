package dev.rewind.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import dev.rewind.service.CatalogSessions;
import dev.rewind.service.OpenMode;
import dev.rewind.ui.common.TestCatalogs;
import dev.rewind.ui.shell.EarlyListing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog opened and listed while the toolkit starts: handed to the window's first open, once. */
class CatalogHeadStartTest {
    @TempDir
    Path dir;

    @Test
    void theFirstOpenGetsTheEarlyCatalogAndItsListingWhichFollowsLaterChanges() {
        Path db = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("c.db"));
        AtomicInteger opens = new AtomicInteger();
        var sessions = TestCatalogs.opener(TestCatalogs.template());
        CatalogHeadStart h = CatalogHeadStart.begin((p, m) -> {
            opens.incrementAndGet();
            return sessions.apply(p, m);
        }, db, OpenMode.EXISTING);
        CatalogSessions.Opened opened = h.apply(db, OpenMode.EXISTING);
        try {
            EarlyListing.Listing listing = h.takeListing(opened.services()).orElseThrow();
            List<String> names = listing.models().stream().map(ModelSummary::name).toList();
            assertThat(names).isNotEmpty()
                    .isEqualTo(opened.services().registry().models().stream().map(ModelSummary::name).toList());
            assertThat(h.takeListing(opened.services())).as("given once").isEmpty();
            assertThat(opens).as("opened once, ahead of the window").hasValue(1);
            // and the first model's timeline is read next, for the model the window selects first
            assertThat(listing.first().model()).isEqualTo(names.get(0));
            dev.rewind.ui.common.QueuedTaskExecutor tasks = new dev.rewind.ui.common.QueuedTaskExecutor();
            dev.rewind.ui.model.ModelViewModel model = new dev.rewind.ui.model.ModelViewModel(tasks,
                    new dev.rewind.ui.common.RecordingDialogs(), opened::services, java.time.Clock.systemUTC());
            model.offer(listing.first());
            model.load(names.get(0));
            tasks.runAll(); // waits for the read ahead if it is still running
            assertThat(model.timelineProperty().get().versions()).isNotEmpty()
                    .allMatch(v -> v.model().equals(names.get(0)));

            TestCatalogs.changeElsewhere(db, s -> s.targetRules().protect(names.get(0), "production", true, "why"));
            assertThat(listing.changes().await(Duration.ofSeconds(5))).as("a change after the listing is seen").isTrue();
            listing.changes().close();
        } finally {
            opened.services().close();
        }
    }

    @Test
    void anotherOpenOpensAsUsualAndGetsNoListing() {
        Path db = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("c.db"));
        Path other = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("other.db"));
        CatalogHeadStart h = CatalogHeadStart.begin(TestCatalogs.opener(TestCatalogs.template()), db, OpenMode.EXISTING);
        CatalogSessions.Opened opened = h.apply(other, OpenMode.EXISTING);
        try {
            assertThat(opened.services().describe()).contains("other.db");
            assertThat(h.takeListing(opened.services())).isEmpty();
        } finally {
            opened.services().close();
            h.discard();
        }
    }
}
