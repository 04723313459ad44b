package dev.rewind.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.model.ModelViewModel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "No models yet" only when the catalog really has none: not while it loads, not when the filter hides them. */
class ModelListPlaceholderTest {
    private final ModelViewModel model = new ModelViewModel(new CurrentThreadTaskExecutor(), new RecordingDialogs(),
            () -> null, Clock.systemUTC());
    private final ModelListViewModel list = new ModelListViewModel(new CurrentThreadTaskExecutor(), () -> null, model);

    @Test
    void theEmptyStateWaitsForTheCatalogToSayItHasNoModels() {
        assertThat(list.loadingProperty().get()).isTrue();
        assertThat(list.placeholderProperty().get()).isEmpty();

        list.showOpened(List.of(), null, null);
        assertThat(list.placeholderProperty().get()).startsWith("No models yet.");

        list.opening(java.nio.file.Path.of("other.db"));
        assertThat(list.placeholderProperty().get()).as("loading again").isEmpty();
    }

    @Test
    void aFilterThatHidesEveryModelSaysSo() {
        list.showOpened(List.of(new ModelSummary(1, "fraud", 1, "1.0", Instant.EPOCH, List.of())), "zzz", null);
        list.filterProperty().set("zzz");
        assertThat(list.placeholderProperty().get()).isEqualTo("No model matches \u201czzz\u201d.");
    }
}
