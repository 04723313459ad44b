package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.TargetPointer;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.Tamper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 8 adds target_pointers: a schema-7 catalog keeps its targets (all of kind dir, no pointer), a pointer
 * can be set once with a target and read back, and it cannot be changed afterwards.
 */
class TargetKindsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSchemaSevenCatalogKeepsItsTargetsAndAPointerIsSetOnce() throws Exception {
        Path db = dir.resolve("v7.db");
        OldCatalogs.create(db, 7);
        CatalogDump.exec(db,
                "INSERT INTO models(id, name, created_at) VALUES (1, 'm', 0)",
                "INSERT INTO targets(id, model_id, name, serving_dir) VALUES (1, 1, 'production', '/srv/m')",
                "INSERT INTO targets(id, model_id, name) VALUES (2, 1, 'champion')");

        TargetPointer alias = new TargetPointer(TargetPointer.Kind.MLFLOW_ALIAS, "/data/mlflow.db", "m", "champion");
        try (SqliteCatalog c = SqliteCatalog.open(db, false)) {
            assertThat(c.read(tx -> tx.targets().pointer(1)).isPresent()).isFalse();
            String servingDir = c.read(tx -> tx.targets().find("m", "production").orElseThrow().servingDir());
            assertThat(servingDir).isEqualTo("/srv/m");
            c.write(tx -> {
                tx.targets().setPointer(2, alias);
                return null;
            });
            assertThat(c.read(tx -> tx.targets().pointer(2)).orElseThrow()).isEqualTo(alias);
        }
        assertThat(Tamper.one(db, "PRAGMA user_version")).isEqualTo(String.valueOf(Migrations.CURRENT));
        assertThat(Migrations.SCRIPTS.get(7)).isEqualTo("V8__target_kinds.sql");
        assertThatThrownBy(() -> CatalogDump.exec(db, "UPDATE target_pointers SET pointer = 'other' WHERE target_id = 2"))
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> CatalogDump.exec(db, "INSERT INTO target_pointers VALUES (1, 'elsewhere', 's', 'n', 'p')"))
                .hasMessageContaining("CHECK");
    }
}
