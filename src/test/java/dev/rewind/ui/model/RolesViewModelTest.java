package dev.rewind.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.ArtifactStore;
import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Abilities;
import dev.rewind.domain.Abilities.Ability;
import dev.rewind.domain.Actor;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogDump;
import dev.rewind.ui.common.DialogService.TagRequest;
import dev.rewind.ui.common.CurrentThreadTaskExecutor;
import dev.rewind.ui.common.RecordingDialogs;
import dev.rewind.ui.common.TestCatalogs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the window offers a user by their role, without a toolkit: the catalog reports the abilities a PostgreSQL
 * server would (here over a file, so only the rule is under test), production is protected, staging is not.
 */
class RolesViewModelTest {
    @TempDir
    Path dir;
    Path db;
    final RecordingDialogs dialogs = new RecordingDialogs();
    Services services;

    @BeforeEach
    void catalog() {
        db = TestCatalogs.copy(TestCatalogs.template(), dir.resolve("catalog.db"));
        TestCatalogs.changeElsewhere(db, s -> s.targetRules().protect("m", "production", true, "customers"));
    }

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
    }

    private ModelViewModel as(Ability... granted) {
        Abilities who = new Abilities("dana", granted.length == 0 ? EnumSet.noneOf(Ability.class)
                : EnumSet.copyOf(List.of(granted)));
        services = new Services(new AsRole(SqliteCatalog.open(db, false), who), new Actor("dana", "h"),
                Clock.systemUTC());
        ModelViewModel vm = new ModelViewModel(new CurrentThreadTaskExecutor(), dialogs, () -> services,
                Clock.systemUTC());
        vm.load("m");
        return vm;
    }

    private static TargetState target(ModelViewModel vm, String name) {
        return vm.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static Version version(ModelViewModel vm, String label) {
        return vm.timelineProperty().get().versions().stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow();
    }

    @Test
    void aDeployerSeesProtectedTargetsOffWithTheRoleTheyNeedAndThePreviewSaysTheSame() {
        ModelViewModel vm = as(Ability.EDIT, Ability.DEPLOY);
        assertThat(vm.whyNotMove(target(vm, "production"))).hasValueSatisfying(why -> assertThat(why)
                .startsWith("Moving protected target production needs").contains("rewind_releaser", "dana"));
        assertThat(vm.whyNotMove(target(vm, "staging"))).isEmpty();
        assertThat(vm.whyNotTag()).isEmpty();
        assertThat(Permits.note(services.abilities())).hasValueSatisfying(n -> assertThat(n).contains("rewind_releaser"));
        assertThat(Permits.shortNote(services.abilities())).contains("Protected targets need rewind_releaser");

        String before = CatalogDump.of(db);
        dialogs.moveReason = Optional.of("roll back");
        vm.requestMove("production", version(vm, "1.1"));
        MovePreview p = dialogs.previews.get(0);
        assertThat(p.blocker()).contains("rewind_releaser");
        assertThat(CatalogDump.of(db)).isEqualTo(before);

        vm.requestMove("staging", version(vm, "1.1"));
        assertThat(services.deployments().targets("m")).filteredOn(t -> t.name().equals("staging"))
                .singleElement().extracting(TargetState::liveVersion).isEqualTo("1.1");
    }

    @Test
    void aReaderMayNotTagAndIsToldWhy() {
        ModelViewModel vm = as();
        assertThat(vm.whyNotTag()).hasValueSatisfying(why -> assertThat(why).contains("rewind_editor"));
        assertThat(vm.whyNotMove(target(vm, "staging"))).hasValueSatisfying(why -> assertThat(why)
                .contains("rewind_deployer"));
        assertThat(Permits.note(services.abilities())).hasValueSatisfying(n -> assertThat(n)
                .startsWith("Browse only:").contains("rewind_editor"));
        assertThat(Permits.shortNote(services.abilities())).contains("Browse only (tagging needs rewind_editor)");
        String before = CatalogDump.of(db);
        dialogs.tag = Optional.of(new TagRequest("stable", "", "ok"));
        vm.requestTag(version(vm, "1.1"));
        assertThat(dialogs.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("rewind_editor"));
        assertThat(CatalogDump.of(db)).isEqualTo(before);
    }

    @Test
    void aCatalogFileAllowsEverything() {
        services = TestCatalogs.open(db);
        ModelViewModel vm = new ModelViewModel(new CurrentThreadTaskExecutor(), dialogs, () -> services,
                Clock.systemUTC());
        vm.load("m");
        assertThat(vm.whyNotMove(target(vm, "production"))).isEmpty();
        assertThat(vm.whyNotTag()).isEmpty();
        assertThat(Permits.note(services.abilities())).isEmpty();
        assertThat(Permits.shortNote(services.abilities())).isEmpty();
    }

    /** A catalog file that reports the abilities a server would give a role. */
    private record AsRole(Catalog file, Abilities who) implements Catalog {
        @Override
        public Abilities abilities() {
            return who;
        }

        @Override
        public Path location() {
            return file.location();
        }

        @Override
        public ArtifactStore artifacts() {
            return file.artifacts();
        }

        @Override
        public <T> T read(Work<T> work) {
            return file.read(work);
        }

        @Override
        public <T> T write(Work<T> work) {
            return file.write(work);
        }

        @Override
        public long changeCounter() {
            return file.changeCounter();
        }

        @Override
        public Catalog separateReader() {
            return file.separateReader();
        }

        @Override
        public List<String> integrityCheck() {
            return file.integrityCheck();
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
