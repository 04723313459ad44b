package dev.rewind.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.MovePreview;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.Version;
import dev.rewind.importer.MlflowFixturesAccess;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The move of a recorded-only target that an MLflow import created offers to link it to its alias first; linking
 * (in the background) then shows the move again, now amounting to the MLflow call instead of "recorded only".
 */
class LinkBeforeMoveViewModelTest {
    private static final String MODEL = "fraud-模型";

    @TempDir
    Path dir;
    Path db;
    Path mlflow;
    Services services;
    final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeEach
    void importedCatalog() throws Exception {
        mlflow = MlflowFixturesAccess.db(dir);
        db = dir.resolve("c.db");
        CliRun cli = new CliRun(db);
        assertThat(cli.run("init").code()).isZero();
        assertThat(cli.run("import", "mlflow", mlflow.toString()).code()).isZero();
        services = TestCatalogs.open(db);
    }

    @AfterEach
    void close() {
        TestCatalogs.close(services);
    }

    private ModelViewModel loaded() {
        ModelViewModel vm = new ModelViewModel(new CurrentThreadTaskExecutor(), dialogs, () -> services,
                Clock.systemUTC());
        vm.load(MODEL);
        return vm;
    }

    private static Version version(ModelViewModel vm, String label) {
        return vm.timelineProperty().get().versions().stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow();
    }

    @Test
    void linkingFirstThenMovingSetsTheAlias() throws Exception {
        ModelViewModel vm = loaded();
        dialogs.linkFirst = offer -> offer;
        dialogs.moveReason = Optional.of("retrained");
        vm.requestMove("champion", version(vm, "3"));

        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.previews).hasSize(2);
        MovePreview before = dialogs.previews.get(0);
        assertThat(before.recordedOnly()).isTrue();
        assertThat(before.linkOffer()).as("prefilled from the import and the target's name")
                .isEqualTo(new TargetPointer(TargetPointer.Kind.MLFLOW_ALIAS, mlflow.toAbsolutePath().toString(),
                        MODEL, "champion"));
        MovePreview after = dialogs.previews.get(1);
        assertThat(after.recordedOnly()).as("the preview read again after linking").isFalse();
        assertThat(after.linkOffer()).isNull();
        assertThat(after.nativeEquivalent()).isEqualTo("MlflowClient().set_registered_model_alias(\"" + MODEL
                + "\", \"champion\", \"3\")");
        assertThat(alias("champion")).as("the move set the alias").isEqualTo(3);
        assertThat(services.deployments().targets(MODEL).stream().filter(t -> t.name().equals("champion"))
                .findFirst().orElseThrow().liveVersion()).isEqualTo("3");
    }

    @Test
    void aLinkThatIsRefusedSaysWhyAndChangesNothing() throws Exception {
        ModelViewModel vm = loaded();
        String before = CatalogDump.of(db);
        // production serves 3, but MLflow has no alias "production": linking would make verify see a difference
        dialogs.linkFirst = offer -> offer;
        dialogs.moveReason = Optional.of("should not happen");
        vm.requestMove("production", version(vm, "2"));

        assertThat(dialogs.previews).hasSize(1);
        assertThat(dialogs.previews.get(0).linkOffer().pointer()).isEqualTo("production");
        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).startsWith("Could not link production to MLflow alias production");
            assertThat(e.message()).contains("holds nothing, but the target serves 3");
        });
        assertThat(CatalogDump.of(db)).isEqualTo(before);
    }

    @Test
    void noLinkIsOfferedForATargetThatAlreadyChangesSomething() throws Exception {
        ModelViewModel vm = loaded();
        services.deployments().linkTarget(MODEL, "champion",
                new TargetPointer(TargetPointer.Kind.MLFLOW_ALIAS, mlflow.toString(), MODEL, "champion"));
        vm.requestMove("champion", version(vm, "3"));
        assertThat(dialogs.previews).singleElement().satisfies(p -> {
            assertThat(p.linkOffer()).isNull();
            assertThat(p.recordedOnly()).isFalse();
        });
    }

    @Test
    void theDeployedListMarksAPositionObservedAtImportAsApproximate() {
        ModelViewModel vm = loaded();
        var champion = vm.timelineProperty().get().lanes().stream().filter(l -> l.target().equals("champion"))
                .findFirst().orElseThrow().segments();
        assertThat(champion).singleElement().satisfies(s -> assertThat(s.approximate()).isTrue());
        assertThat(vm.deployments(version(vm, "2"))).contains("champion: ≈ "
                + dev.rewind.ui.common.Formats.time(champion.get(0).from()) + " → now (live)");

        dialogs.moveReason = Optional.of("by Rewind");
        vm.requestMove("champion", version(vm, "3"));
        vm.reload();
        assertThat(vm.deployments(version(vm, "2"))).as("ended by a move Rewind recorded: an exact time")
                .anySatisfy(d -> assertThat(d).startsWith("champion: ≈ ").doesNotContain("→ ≈"));
        assertThat(vm.deployments(version(vm, "3"))).anySatisfy(d -> assertThat(d).startsWith("champion: ")
                .doesNotContain("≈").endsWith("now (live)"));
    }

    private int alias(String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mlflow); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM registered_model_aliases WHERE alias = '" + name + "'")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
