package dev.rewind.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import dev.rewind.support.HostileStrings;
import dev.rewind.support.HostileStrings.Field;
import dev.rewind.support.HostileStrings.Hostile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile string through every name and text field an MLflow store feeds the import: a store breaking the
 * name policy is refused whole (exit 2, one line naming the entry, catalog unchanged); with --rename-invalid it
 * is imported under a printed replacement. Strings SQLite cannot hold (lone surrogates) are counted as skipped.
 */
class HostileStringsImportTest {
    /** A field of the store, the SQL that plants the string in it, and the CLI field whose rules apply. */
    private enum StoreField {
        MODEL_NAME(Field.MODEL, "registered_models:name", "model_versions:name", "registered_model_tags:name",
                "model_version_tags:name", "registered_model_aliases:name"),
        ALIAS(Field.TARGET, "registered_model_aliases:alias"),
        VERSION_TAG_KEY(Field.TAG_KEY, "model_version_tags:key"),
        MODEL_TAG_KEY(Field.TAG_KEY, "registered_model_tags:key"),
        METRIC_KEY(Field.METRIC_KEY, "metrics:key:loss", "latest_metrics:key:loss"),
        PARAM_KEY(Field.PARAM_KEY, "params:key:lr"),
        // imported texts follow the CLI's param-value rules: one line, no control characters, at most 10,000
        MODEL_DESCRIPTION(Field.PARAM_VALUE, "registered_models:description"),
        PARAM_VALUE(Field.PARAM_VALUE, "params:value:depth"),
        VERSION_TAG_VALUE(Field.PARAM_VALUE, "model_version_tags:value");

        final Field rules;
        final String[] columns;

        StoreField(Field rules, String... columns) {
            this.rules = rules;
            this.columns = columns;
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyHostileStringThroughEveryImportedField() throws Exception {
        Path template = MlflowFixtures.db(Files.createDirectories(dir.resolve("template")),
                MlflowFixtures.Generation.STORAGE_LOCATION);
        Path artifact = Files.writeString(dir.resolve("model.pkl"), "bytes");
        Path base = Files.createDirectories(dir.resolve("base")).resolve("catalog.db");
        CliRun baseCli = new CliRun(base);
        for (String[] args : List.of(new String[] {"init"},
                new String[] {"register", "fraud", "1.0.0", "--artifact", artifact.toString(), "--tag", "stable"},
                new String[] {"target", "add", "fraud", "production"})) {
            assertThat(baseCli.run(args).code()).isZero();
        }
        String baseline = CatalogDump.of(base);
        List<Hostile> hostile = HostileStrings.all();
        SoftAssertions soft = new SoftAssertions();
        int refused = 0;
        int accepted = 0;
        int skipped = 0;
        int renamed = 0;
        int n = 0;
        Path cat = null;
        for (Hostile h : hostile) {
            boolean renameTried = false;
            for (StoreField f : StoreField.values()) {
                Path store = dir.resolve("store-" + n + ".db");
                Files.copy(template, store);
                if (!plant(store, f, h.value())) {
                    skipped++;
                    Files.delete(store);
                    continue;
                }
                if (cat == null) { // refusals leave the catalog as it was: reuse it until something is imported
                    cat = Files.createDirectories(dir.resolve("cat-" + n)).resolve("catalog.db");
                    Files.copy(base, cat);
                }
                n++;
                CliRun cli = new CliRun(cat);
                CliRun.Result r = cli.run("import", "mlflow", store.toString());
                String at = f + " <- " + h.what() + ": " + r;
                soft.assertThat(HostileStrings.hasRawControl(r.out() + r.err())).as("raw control in " + at).isFalse();
                soft.assertThat(r.err()).as("no stack trace " + at).doesNotContain("\tat ", "Exception");
                if (h.refusedIn().contains(f.rules)) {
                    refused++;
                    soft.assertThat(r.code()).as("exit " + at).isEqualTo(2);
                    soft.assertThat(r.err()).as("one line naming the store " + at)
                            .startsWith("rewind: cannot import " + store).contains("; nothing was imported")
                            .endsWith("\n")
                            .satisfies(e -> assertThat(e.strip()).doesNotContain("\n"));
                    String dump = CatalogDump.of(cat);
                    soft.assertThat(dump).as("catalog unchanged " + at).isEqualTo(baseline);
                    if (!dump.equals(baseline)) {
                        cat = null;
                    }
                    if (!renameTried && r.err().contains("--rename-invalid")) {
                        renameTried = true;
                        CliRun.Result rr = cli.run("import", "mlflow", "--rename-invalid", store.toString());
                        soft.assertThat(rr.code()).as("renamed " + at + rr).isZero();
                        soft.assertThat(rr.out()).as("shows old → new " + rr).contains("renamed ", " → ");
                        soft.assertThat(HostileStrings.hasRawControl(rr.out() + rr.err())).as("raw " + rr).isFalse();
                        renamed++;
                        cat = null;
                    }
                } else {
                    accepted++;
                    soft.assertThat(r.code()).as("accepted " + at).isZero();
                    cat = null;
                }
                Files.delete(store);
            }
        }
        System.out.printf("hostile strings (import): %d strings x %d store fields: %d imports, %d refused, %d accepted,"
                + " %d imported with --rename-invalid, %d not representable in SQLite%n", hostile.size(),
                StoreField.values().length, n, refused, accepted, renamed, skipped);
        assertThat(hostile).hasSizeGreaterThanOrEqualTo(70);
        assertThat(renamed).isGreaterThan(30);
        soft.assertAll();
    }

    /** Writes {@code value} into the field; false when SQLite does not give it back unchanged. */
    private static boolean plant(Path store, StoreField f, String value) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store)) {
            for (String spec : f.columns) {
                String[] p = spec.split(":");
                String where = p.length == 3 ? " WHERE key = '" + (p[2].equals("depth") ? "model/depth" : p[2]) + "'" : "";
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + p[0] + " SET " + p[1] + " = ?" + where)) {
                    ps.setString(1, value);
                    assertThat(ps.executeUpdate()).as(spec).isPositive();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT " + p[1] + " FROM " + p[0] + " WHERE " + p[1]
                        + " = ? LIMIT 1")) {
                    ps.setString(1, value);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || !value.equals(rs.getString(1))) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}
