package dev.rewind.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mlflow-alias targets on copies of the real mlflow.db stores under ../shared/samples that have aliases (when that
 * folder is there): a move sets the alias row to another version, sqlite reads it back, and importing the store again
 * moves the imported alias target too. The stores themselves are never touched.
 */
class SamplesAliasTargetTest {
    @TempDir
    Path dir;

    record Alias(String model, String alias, int version) {
    }

    @Test
    void movingTheAliasOfEveryRealStoreThatHasOne() throws Exception {
        if (!Files.isDirectory(SamplesImportTest.SAMPLES)) {
            System.out.println("samples-alias-targets: ../shared/samples absent, 0 ran");
            return;
        }
        List<Path> dbs;
        try (Stream<Path> s = Files.walk(SamplesImportTest.SAMPLES, 4)) {
            dbs = s.filter(p -> p.getFileName().toString().equals("mlflow.db")).sorted().toList();
        }
        int ran = 0;
        int seen = 0;
        for (Path original : dbs) {
            Path copy = Files.createDirectories(dir.resolve("s" + seen++))
                    .resolve("mlflow.db");
            Files.copy(original, copy);
            List<Alias> aliases = aliases(copy);
            if (aliases.isEmpty()) {
                continue;
            }
            Alias a = aliases.get(0);
            int other = otherVersion(copy, a);
            try (Catalog c = SqliteCatalog.open(dir.resolve("c" + ran + ".db"), true)) {
                Services s = new Services(c, new Actor("ana", "h"), Clock.systemUTC());
                s.importer().importMlflow(copy, null, MlflowReader.Progress.NONE);
                s.deployments().addTarget(a.model(), "rewind-" + a.alias(), null, false,
                        new TargetPointer(TargetPointer.Kind.MLFLOW_ALIAS, copy.toString(), a.model(), a.alias()));
                String label = label(c, a.model(), other);
                Move m = s.deployments().deploy(MoveRequest.of(a.model(), "rewind-" + a.alias(), label).because("sample"));
                assertThat(m.verified()).as(original + ": " + m.proof()).isTrue();
                assertThat(aliases(copy)).as(original.toString()).contains(new Alias(a.model(), a.alias(), other))
                        .hasSize(aliases.size());
                s.importer().importMlflow(copy, null, MlflowReader.Progress.NONE);
                List<TargetState> targets = s.deployments().targets(a.model());
                assertThat(targets).as(original + ": the imported alias target moved on re-import")
                        .anyMatch(t -> !t.name().startsWith("rewind-") && label.equals(t.liveVersion()));
                assertThat(s.verifier().verify(false).problems()).as(original.toString()).isEmpty();
            }
            ran++;
        }
        System.out.println("samples-alias-targets: " + ran + " ran");
        assertThat(ran).as("stores with aliases among " + dbs).isPositive();
    }

    private static String label(Catalog c, String model, int mlflowVersion) {
        return c.read(tx -> {
            for (Version v : tx.versions().list(model)) {
                if (String.valueOf(mlflowVersion).equals(tx.versions().provenance(v.id()).get("mlflow.version"))) {
                    return v.label();
                }
            }
            throw new AssertionError("no version from MLflow version " + mlflowVersion);
        });
    }

    private static List<Alias> aliases(Path db) throws Exception {
        List<Alias> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet t = st.executeQuery("SELECT 1 FROM sqlite_master WHERE name = 'registered_model_aliases'")) {
                if (!t.next()) {
                    return out;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT name, alias, version FROM registered_model_aliases ORDER BY name, alias")) {
                while (rs.next()) {
                    out.add(new Alias(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return out;
    }

    private static int otherVersion(Path db, Alias a) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM model_versions WHERE name = ? AND version <> ? AND current_stage <> 'Deleted_Internal'"
                        + " ORDER BY version LIMIT 1")) {
            ps.setString(1, a.model());
            ps.setInt(2, a.version());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("another version of " + a.model()).isTrue();
                return rs.getInt(1);
            }
        }
    }
}
