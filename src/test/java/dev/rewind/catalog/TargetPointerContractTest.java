package dev.rewind.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.Actor;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.TargetPointer;
import dev.rewind.importer.MlflowFixturesAccess;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.PgSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** A target of kind mlflow-alias behaves the same on both catalog backends: kept, moved, verified, immutable. */
@ExtendWith(PgSandbox.class)
class TargetPointerContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void anAliasTargetIsKeptMovedAndCannotBeRepointed(CatalogBackend backend) throws Exception {
        Path mlflow = MlflowFixturesAccess.db(Files.createDirectories(dir.resolve("store")));
        String model = "fraud-模型";
        TargetPointer alias = new TargetPointer(TargetPointer.Kind.MLFLOW_ALIAS, mlflow.toString(), model, "champion");
        try (Catalog c = backend.open(dir, true)) {
            Services s = new Services(c, new Actor("ana", "h"), Clock.systemUTC());
            s.importer().importMlflow(mlflow, null, dev.rewind.importer.mlflow.MlflowReader.Progress.NONE);
            s.deployments().addTarget(model, "live", null, false, alias);
            var m = s.deployments().deploy(MoveRequest.of(model, "live", "3").because("contract"));
            assertThat(m.verified()).as(String.valueOf(m.proof())).isTrue();
            assertThat(m.pointer()).contains("champion");
            assertThat(s.verifier().verify(false).problems()).isEmpty();
        }
        assertThat(alias(mlflow)).isEqualTo(3);
        try (Catalog c = backend.open(dir, false)) {
            long id = c.read(tx -> tx.targets().find(model, "live")).orElseThrow().id();
            assertThat(c.read(tx -> tx.targets().pointer(id)).orElseThrow()).isEqualTo(alias);
            assertThat(c.read(tx -> tx.events().pendingSwitches()).size()).isZero();
        }
        assertThatThrownBy(() -> backend.sql(dir, "UPDATE target_pointers SET pointer = 'other'"))
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> backend.sql(dir, "DELETE FROM target_pointers"))
                .hasMessageContaining("cannot be removed");
    }

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void aLinkIsSignedAndAPointerPutInByHandIsNamedByVerify(CatalogBackend backend) throws Exception {
        Path mlflow = MlflowFixturesAccess.db(Files.createDirectories(dir.resolve("store")));
        String model = "fraud-模型";
        try (Catalog c = backend.open(dir, true)) {
            Services s = new Services(c, new Actor("ana", "h"), Clock.systemUTC());
            s.importer().importMlflow(mlflow, null, dev.rewind.importer.mlflow.MlflowReader.Progress.NONE);
            s.deployments().linkTarget(model, "champion",
                    new TargetPointer(TargetPointer.Kind.MLFLOW_ALIAS, mlflow.toString(), model, "champion"));
            assertThat(s.verifier().verify(false).problems()).isEmpty();
        }
        backend.sql(dir, "INSERT INTO target_pointers(target_id, kind, store, name, pointer) SELECT id, 'mlflow-alias',"
                + " 'elsewhere.db', 'm', 'production' FROM targets WHERE name = 'production'");
        try (Catalog c = backend.open(dir, false)) {
            Services s = new Services(c, new Actor("ana", "h"), Clock.systemUTC());
            assertThat(s.verifier().verify(false).problems()).filteredOn(p -> p.startsWith("facts:")).singleElement()
                    .asString()
                    .contains("target production of " + model).contains("external pointer");
        }
    }

    private static int alias(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM registered_model_aliases WHERE alias = 'champion'")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
