package dev.rewind.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ArtifactFile;
import dev.rewind.domain.Version;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.ui.common.QueuedTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 6: a directory artifact's files from its manifest, read in the background; "Open folder". */
class ArtifactFilesViewModelTest {
    @TempDir
    Path dir;
    Services services;
    final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<Path> opened = new ArrayList<>();
    IOException openFails;
    ArtifactFilesViewModel vm;

    @BeforeEach
    void open() {
        services = TestCatalogs.open(TestCatalogs.copy(TestCatalogs.template(), dir.resolve("c.db")));
        vm = new ArtifactFilesViewModel(tasks, () -> services, p -> {
            if (openFails != null) {
                throw openFails;
            }
            opened.add(p);
        }, dialogs);
    }

    @AfterEach
    void close() {
        TestCatalogs.close(services);
    }

    private Version registerDirectory(String label) throws Exception {
        Path model = Files.createDirectories(dir.resolve("model-" + label));
        Files.writeString(Files.createDirectories(model.resolve("weights")).resolve("layer1.bin"), "0123456789");
        Files.writeString(model.resolve("config.json"), "{\"label\": \"" + label + "\"}");
        services.registry().register(new RegisterRequest("m", label, model, List.of(), null, null, null, null, null));
        return services.registry().versions("m").stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow();
    }

    private static String sha(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDirectoryListsItsFilesInPathOrderWithSizeAndChecksumInTheBackground() throws Exception {
        Version v = registerDirectory("3.0");
        vm.show(v);
        assertThat(vm.readingProperty().get()).isTrue();
        assertThat(vm.files()).as("nothing read on the calling thread").isEmpty();
        tasks.runAll();
        assertThat(vm.readingProperty().get()).isFalse();
        assertThat(vm.files()).containsExactly(
                new ArtifactFile("config.json", "{\"label\": \"3.0\"}".length(), sha("{\"label\": \"3.0\"}")),
                new ArtifactFile("weights/layer1.bin", 10, sha("0123456789")));
        assertThat(vm.folderProperty().get()).isDirectory()
                .isEqualTo(dir.resolve("artifacts").resolve(v.artifact().sha256()));
    }

    @Test
    void aSingleFileListsNothingAndOffersNoFolder() throws Exception {
        Version file = services.registry().versions("m").get(0);
        vm.show(file);
        tasks.runAll();
        assertThat(vm.files()).isEmpty();
        assertThat(vm.folderProperty().get()).isNull();
        assertThat(vm.problemProperty().get()).isNull();
    }

    @Test
    void aListingThatArrivesAfterAnotherVersionCameIntoFocusIsDropped() throws Exception {
        Version directory = registerDirectory("3.0");
        Version file = services.registry().versions("m").get(0);
        vm.show(directory);
        vm.show(file);
        tasks.runOldest();
        assertThat(vm.files()).isEmpty();
        assertThat(vm.readingProperty().get()).as("the second read is still under way").isTrue();
        tasks.runAll();
        assertThat(vm.files()).isEmpty();
    }

    @Test
    void openFolderHandsTheStoredCopyToTheOpenerOffTheCallingThreadAndAFailureIsOneLine() throws Exception {
        Version v = registerDirectory("3.0");
        vm.show(v);
        tasks.runAll();
        vm.openFolder();
        assertThat(opened).as("not on the calling thread").isEmpty();
        tasks.runAll();
        assertThat(opened).containsExactly(vm.folderProperty().get());

        openFails = new IOException("xdg-open failed (exit status 3)");
        vm.openFolder();
        tasks.runAll();
        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0).message()).isEqualTo("Could not open " + vm.folderProperty().get()
                + ": xdg-open failed (exit status 3)").doesNotContain("\n");
    }
}
