package dev.rewind.catalog.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.catalog.Keyring;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.service.CatalogCopyService;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.CliRun;
import dev.rewind.support.PgSandbox;
import dev.rewind.support.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code rewind catalog copy}: a file into a server and back, read the same, verified the same. */
@ExtendWith(PgSandbox.class)
class CatalogCopyTest {
    @TempDir
    Path dir;

    @Test
    void theDemoCopiedIntoPostgresqlAndBackReadsAndVerifiesTheSame(PgSandbox.Server server) throws Exception {
        Path original = dir.resolve("demo.db");
        CliRun demo = run(original.toString());
        assertThat(demo.run("demo").code()).isZero();
        assertThat(demo.run("verify").code()).isZero();
        Map<String, String> before = reads(demo);

        String url = server.newDatabase();
        CliRun.Result copy = demo.run("catalog", "copy", original.toString(), url);
        assertThat(copy.code()).as(copy.toString()).isZero();
        assertThat(copy.out()).startsWith("copied " + original + " to " + url + ": ").containsPattern("\\d+ artifacts");
        CliRun onServer = run(url);
        CliRun.Result verify = onServer.run("verify");
        assertThat(verify.code()).as(verify.toString()).isZero();
        assertThat(verify.out()).startsWith("ok: " + url);
        assertThat(reads(onServer)).isEqualTo(before);

        String second = server.newDatabase(); // server to server costs nothing more
        CliRun.Result serverToServer = demo.run("catalog", "copy", url, second);
        assertThat(serverToServer.code()).as(serverToServer.toString()).isZero();
        assertThat(run(second).run("verify").code()).isZero();
        assertThat(PgDump.of(second)).isEqualTo(PgDump.of(url));

        Path back = dir.resolve("back.db");
        CliRun.Result copyBack = demo.run("catalog", "copy", second, back.toString());
        assertThat(copyBack.code()).as(copyBack.toString()).isZero();
        CliRun returned = run(back.toString());
        CliRun.Result verifyBack = returned.run("verify");
        assertThat(verifyBack.code()).as(verifyBack.toString()).isZero();
        assertThat(reads(returned)).isEqualTo(before);
        // and row for row: every table of the file that went there and back holds what the original holds
        assertThat(sortedRows(CatalogDump.of(back))).isEqualTo(sortedRows(CatalogDump.of(original)));
        assertThat(Files.readString(dir.resolve("back.db.head")).replace("back.db", "demo.db"))
                .isEqualTo(Files.readString(dir.resolve("demo.db.head")));
    }

    @Test
    void aNonEmptyDestinationIsRefusedAndLeftByteForByte(PgSandbox.Server server) throws Exception {
        Path source = dir.resolve("a.db");
        Path taken = dir.resolve("b.db");
        CliRun a = run(source.toString());
        assertThat(a.run("demo").code()).isZero();
        CliRun b = run(taken.toString());
        assertThat(b.run("init").code()).isZero();
        Path art = Files.writeString(dir.resolve("other.bin"), "weights");
        CliRun.Result reg = b.run("register", "other", "1.0", "--artifact", art.toString());
        assertThat(reg.code()).as(reg.toString()).isZero();
        byte[] bytes = Files.readAllBytes(taken);

        CliRun.Result r = a.run("catalog", "copy", source.toString(), taken.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rewind: cannot copy into " + taken
                + ": it already holds a catalog (copy into a new or empty one)\n");
        assertThat(Files.readAllBytes(taken)).isEqualTo(bytes);
        assertThat(Files.exists(dir.resolve("b.db-wal"))).isFalse();

        String url = server.newDatabase();
        assertThat(run(url).run("init").code()).isZero();
        assertThat(run(url).run("register", "other", "1.0", "--artifact", art.toString()).code()).isZero();
        String dump = PgDump.of(url);
        CliRun.Result onServer = a.run("catalog", "copy", source.toString(), url);
        assertThat(onServer.code()).as(onServer.toString()).isEqualTo(1);
        assertThat(onServer.err()).isEqualTo("rewind: cannot copy into " + url
                + ": it already holds a catalog (copy into a new or empty one)\n");
        assertThat(PgDump.of(url)).isEqualTo(dump);
    }

    @Test
    void anEmptyCatalogMayBeCopiedIntoAndATamperedOneIsCopiedAsItIsSoVerifySaysTheSame(PgSandbox.Server server)
            throws Exception {
        Path source = dir.resolve("t.db");
        CliRun t = run(source.toString());
        assertThat(t.run("demo").code()).isZero();
        Tamper.withTriggersDropped(source, "UPDATE events SET reason = 'nothing to see' WHERE id = 5");
        CliRun.Result before = t.run("verify");
        assertThat(before.code()).as(before.toString()).isEqualTo(1);

        String url = server.newDatabase();
        assertThat(run(url).run("init").code()).isZero(); // an empty catalog is a fine destination
        CliRun.Result copy = t.run("catalog", "copy", source.toString(), url);
        assertThat(copy.code()).as(copy.toString()).isZero();
        CliRun.Result after = run(url).run("verify");
        assertThat(after.code()).as(after.toString()).isEqualTo(1);
        assertThat(problems(after.out(), url)).isEqualTo(problems(before.out(), source.toString())).isNotEmpty();
    }

    @Test
    void largeTablesAreAnnouncedAndAMissingSourceIsOneLine() throws Exception {
        Path source = dir.resolve("s.db");
        CliRun s = run(source.toString());
        assertThat(s.run("demo").code()).isZero();
        List<String> told = new ArrayList<>();
        var copier = new CatalogCopyService(SqliteCatalog.opener(new Keyring(Keyring.defaultDir())), 500);
        var report = copier.copy(source, dir.resolve("copy.db"), (table, rows) -> told.add(table + " " + rows));
        List<String> large = new ArrayList<>();
        for (var t : dev.rewind.catalog.TableCopy.TABLES) {
            String n = Tamper.one(source, "SELECT count(*) FROM " + t.name());
            if (Long.parseLong(n) >= 500) {
                large.add(t.name() + " " + n);
            }
        }
        assertThat(told).isNotEmpty().isEqualTo(large);
        assertThat(report.rows()).isGreaterThan(1000);

        CliRun.Result missing = s.run("catalog", "copy", dir.resolve("nope.db").toString(),
                dir.resolve("x.db").toString());
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).isEqualTo("rewind: no catalog at " + dir.resolve("nope.db")
                + " (create one with 'rewind init' or 'rewind demo')\n");
        assertThat(Files.exists(dir.resolve("x.db"))).isFalse();
    }

    @Test
    void everyTableOfBothSchemasIsCopied(PgSandbox.Server server) throws Exception {
        Path file = dir.resolve("c.db");
        assertThat(run(file.toString()).run("init").code()).isZero();
        String url = server.newDatabase();
        assertThat(run(url).run("init").code()).isZero();
        List<String> copied = dev.rewind.catalog.TableCopy.TABLES.stream().map(t -> t.name()).sorted().toList();
        assertThat(names("jdbc:sqlite:" + file, "SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name")).isEqualTo(copied);
        // besides the schema's version, a server catalog has one table of its own: where its team's store is
        List<String> onServer = new ArrayList<>(names(PgSandbox.Server.jdbc(url), "SELECT tablename FROM pg_tables"
                + " WHERE schemaname = current_schema() ORDER BY tablename"));
        assertThat(onServer.removeAll(List.of("rewind_schema", "artifact_store"))).isTrue();
        assertThat(onServer).isEqualTo(copied);
    }

    private static List<String> names(String jdbc, String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection(jdbc); var st = c.createStatement();
             var rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** What people read: models, and per model its versions, history and targets (now and at a past moment). */
    private static Map<String, String> reads(CliRun cli) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        String models = ok(cli, "models", "--json");
        out.put("models", models);
        for (JsonNode m : new ObjectMapper().readTree(models)) {
            String name = m.get("model").asText();
            out.put("versions " + name, ok(cli, "versions", name, "--json"));
            out.put("history " + name, ok(cli, "history", name, "--json"));
            out.put("targets " + name, ok(cli, "targets", name, "--json"));
            out.put("targets --at " + name, ok(cli, "targets", name, "--at", "2026-01-01T00:00:00Z", "--json"));
        }
        return out;
    }

    private static String ok(CliRun cli, String... args) {
        CliRun.Result r = cli.run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isZero();
        return r.out();
    }

    private static List<String> problems(String verifyOut, String name) {
        return Arrays.stream(verifyOut.split("\n")).map(l -> l.replace(name, "CATALOG")).toList();
    }

    private static List<String> sortedRows(String dump) {
        List<String> lines = new ArrayList<>(Arrays.asList(dump.split("\n")));
        lines.sort(null);
        return lines;
    }

    private CliRun run(String catalog) {
        return new CliRun(Path.of(catalog)).with("REWIND_PG_LOCAL", dir.resolve("local").toString());
    }
}
