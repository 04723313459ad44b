package dev.rewind.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.sqlite.Migrations;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.MetricValue;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCatalogTest {
    @TempDir
    Path dir;

    private Path catalogWithOneVersion() throws Exception {
        Path db = dir.resolve("c.db");
        Path art = Files.writeString(dir.resolve("model.bin"), "weights");
        try (Catalog c = SqliteCatalog.open(db, true)) {
            new Services(c, new dev.rewind.domain.Actor("ana", "h"), Clock.systemUTC()).registry()
                    .register(new RegisterRequest("m", "1.0", art, List.of(MetricValue.summary("auc", 0.9)),
                            java.util.Map.of("lr", "0.1"), null, null, null, null));
        }
        return db;
    }

    @Test
    void createsSchemaWithWalForeignKeysAndVersion() throws Exception {
        Path db = dir.resolve("new.db");
        SqliteCatalog.open(db, true).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            assertThat(pragma(st, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(st, "user_version")).isEqualTo(String.valueOf(Migrations.CURRENT));
            assertThat(pragma(st, "application_id")).isEqualTo(String.valueOf(0x52574e44));
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type='index' AND name LIKE '%by%'")) {
                StringBuilder names = new StringBuilder();
                while (rs.next()) {
                    names.append(rs.getString(1)).append(' ');
                }
                assertThat(names.toString()).contains("versions_by_model_time", "events_by_target", "metrics_by_version");
            }
        }
    }

    @Test
    void aVersionOneCatalogIsMigratedToTheCurrentSchemaKeepingItsData() throws Exception {
        Path db = catalogWithOneVersion();
        // make it what Rewind's first release wrote: schema 1, without the tables and columns of later migrations
        List<String> toSchemaOne = new ArrayList<>(CatalogDump.WITHOUT_CHAIN);
        toSchemaOne.addAll(List.of("DROP TABLE version_provenance", "DROP TABLE model_tags",
                "DROP TABLE target_guards", "ALTER TABLE targets DROP COLUMN protected",
                "ALTER TABLE events DROP COLUMN overrides", "DROP TABLE target_checks", "DROP TABLE move_proofs",
                "PRAGMA user_version = 1"));
        CatalogDump.exec(db, toSchemaOne.toArray(String[]::new));
        String before = CatalogDump.of(db);
        try (Catalog c = SqliteCatalog.open(db, false)) {
            List<Version> listed = c.read(tx -> tx.versions().list("m"));
            assertThat(listed).extracting(Version::label).containsExactly("1.0");
            long id = c.read(tx -> tx.versions().find("m", "1.0").orElseThrow().id());
            c.write(tx -> {
                tx.versions().addProvenance(id, java.util.Map.of("mlflow.model", "m"));
                return null;
            });
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            assertThat(pragma(st, "user_version")).isEqualTo(String.valueOf(Migrations.CURRENT));
        }
        // migrations 3 and 5 add columns to events; the rows as they were are kept, with no overrides, digests
        // or signatures
        List<String> oldEvents = CatalogDump.rows(before, "events");
        List<String> newEvents = CatalogDump.rows(CatalogDump.of(db), "events");
        assertThat(newEvents).hasSameSizeAs(oldEvents).isNotEmpty();
        for (int i = 0; i < oldEvents.size(); i++) {
            assertThat(newEvents.get(i)).startsWith(oldEvents.get(i));
            assertThat(newEvents.get(i).substring(oldEvents.get(i).length())).matches("(null\\|)+");
        }
        assertThatThrownBy(() -> CatalogDump.exec(db, "UPDATE version_provenance SET value = 'x'"))
                .hasMessageContaining("provenance cannot change");
    }


    @Test
    void missingCatalogIsRefusedUnlessCreating() {
        assertThatThrownBy(() -> SqliteCatalog.open(dir.resolve("none.db"), false))
                .isInstanceOf(RewindException.class).hasMessageContaining("no catalog at");
        assertThat(dir.resolve("none.db")).doesNotExist();
    }

    @Test
    void folderThatDoesNotExistIsRefused() {
        RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                () -> SqliteCatalog.open(dir.resolve("nowhere/c.db"), true));
        assertThat(e.getMessage()).contains("does not exist");
        assertThat(e.exitCode()).isEqualTo(RewindException.CATALOG_UNREADABLE);
    }

    @Test
    void catalogFromNewerRewindIsRefusedAndLeftUnchanged() throws Exception {
        Path db = catalogWithOneVersion();
        CatalogDump.exec(db, "PRAGMA user_version = 99");
        byte[] before = Files.readAllBytes(db);
        RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                () -> SqliteCatalog.open(db, false));
        assertThat(e.getMessage()).contains("newer Rewind").contains("schema 99");
        assertThat(e.exitCode()).isEqualTo(RewindException.CATALOG_UNREADABLE);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void fileThatIsNotSqliteIsRefusedAndLeftByteForByte() throws Exception {
        Path notDb = Files.writeString(dir.resolve("notes.db"), "these are my notes, not a database\n".repeat(50));
        byte[] before = Files.readAllBytes(notDb);
        assertThatThrownBy(() -> SqliteCatalog.open(notDb, true)).isInstanceOf(RewindException.class)
                .hasMessageContaining("not a SQLite database");
        assertThat(Files.readAllBytes(notDb)).isEqualTo(before);
        assertThat(dir.resolve("notes.db-wal")).doesNotExist();
    }

    @Test
    void foreignSqliteDatabaseIsRefusedAndLeftUnchanged() throws Exception {
        Path other = dir.resolve("mlflow.db");
        CatalogDump.exec(other, "CREATE TABLE alembic_version (version_num TEXT)",
                "INSERT INTO alembic_version VALUES ('abc')");
        byte[] before = Files.readAllBytes(other);
        assertThatThrownBy(() -> SqliteCatalog.open(other, true)).hasMessageContaining("not a Rewind catalog");
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
    }

    @Test
    void truncatedCatalogIsRefusedAndLeftByteForByte() throws Exception {
        Path db = catalogWithOneVersion();
        CatalogDump.exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        byte[] whole = Files.readAllBytes(db);
        assertThat(whole.length).isGreaterThan(8192);
        Path cut = dir.resolve("cut.db");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        byte[] before = Files.readAllBytes(cut);
        RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                () -> SqliteCatalog.open(cut, false));
        assertThat(e.getMessage()).contains("truncated");
        assertThat(e.exitCode()).isEqualTo(RewindException.CATALOG_UNREADABLE);
        assertThat(Files.readAllBytes(cut)).isEqualTo(before);
    }

    @Test
    void tinyFragmentOfACatalogIsRefused() throws Exception {
        Path db = catalogWithOneVersion();
        Path cut = dir.resolve("fragment.db");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(db), 60));
        assertThatThrownBy(() -> SqliteCatalog.open(cut, false)).hasMessageContaining("truncated");
        assertThat(Files.size(cut)).isEqualTo(60);
    }

    private static String pragma(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
