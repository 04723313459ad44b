package dev.rewind.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import dev.rewind.ui.model.ModelViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 2: the model list's filter also finds a model by one of its versions' descriptions, read from the
 * catalog only once something is typed, and again after the list changed.
 */
class ModelListSearchTest {
    @TempDir
    Path dir;
    Services services;
    final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    ModelListViewModel list;

    @BeforeEach
    void open() throws Exception {
        Path db = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("c.db"));
        services = TestCatalogs.open(db);
        Path art = Files.writeString(dir.resolve("a.bin"), "weights");
        services.registry().register(new RegisterRequest("n", "7.1", art, List.of(), null, null,
                "Retrained on November data", null, null));
        ModelViewModel model = new ModelViewModel(tasks, new RecordingDialogs(), () -> services, Clock.systemUTC());
        list = new ModelListViewModel(tasks, () -> services, model);
    }

    @AfterEach
    void close() {
        TestCatalogs.close(services);
    }

    private List<String> shown() {
        return list.models().stream().map(ModelSummary::name).toList();
    }

    @Test
    void aModelIsFoundByAVersionsDescriptionOnceTheyAreRead() {
        list.refresh();
        tasks.runAll();
        assertThat(tasks.pending()).as("nothing typed: no description read").isEmpty();
        assertThat(shown()).containsExactly("m", "n", "o");

        list.filterProperty().set("november");
        assertThat(shown()).as("before the descriptions arrive").isEmpty();
        assertThat(tasks.pending()).containsExactly("Read descriptions");
        tasks.runAll();
        assertThat(shown()).containsExactly("n");

        list.filterProperty().set("NOVEMBER data");
        assertThat(tasks.pending()).as("read once per list").isEmpty();
        assertThat(shown()).containsExactly("n");

        list.filterProperty().set("no such words");
        assertThat(shown()).isEmpty();
        assertThat(list.placeholderProperty().get()).isEqualTo("No model matches \u201cno such words\u201d.");
    }

    @Test
    void aListReadAgainReadsTheDescriptionsAgainWhileSomethingIsTyped() throws Exception {
        list.refresh();
        tasks.runAll();
        list.filterProperty().set("hotfix");
        tasks.runAll();
        assertThat(shown()).isEmpty();

        Path art = Files.writeString(dir.resolve("b.bin"), "other weights");
        services.registry().register(new RegisterRequest("o", "0.2", art, List.of(), null, null, "Hotfix", null, null));
        list.refresh();
        tasks.runAll();
        assertThat(shown()).containsExactly("o");
    }
}
