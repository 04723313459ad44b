package dev.rewind.catalog.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CliRun;
import dev.rewind.support.PgSandbox;
import dev.rewind.support.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A team catalog records its artifact store, so every client finds the same bytes; a store gone refuses moves. */
@ExtendWith(PgSandbox.class)
class SharedArtifactsTest {
    @TempDir
    Path dir;

    @Test
    void twoClientsWithTheirOwnLocalFoldersShareOneRecordedStore(PgSandbox.Server server) throws Exception {
        String url = server.newDatabase();
        Path shared = Files.createDirectories(dir.resolve("nfs/artifacts"));
        CliRun ana = client(url, "ana-local");
        CliRun.Result init = ana.run("init", "--artifacts", shared.toString());
        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(init.out()).isEqualTo("created catalog " + url + "\nartifact store: " + shared
                + " (recorded in the catalog, shared)\n");
        Path art = Files.writeString(dir.resolve("m.bin"), "weights 1");
        assertThat(ana.run("register", "m", "1.0", "--artifact", art.toString()).code()).isZero();

        CliRun bo = client(url, "bo-local");
        assertThat(bo.run("catalog", "artifacts").out()).isEqualTo("artifact store: " + shared
                + " (recorded in the catalog, shared)\n");
        CliRun.Result path = bo.run("path", "m:1.0");
        assertThat(path.code()).as(path.toString()).isZero();
        assertThat(path.out().strip()).startsWith(shared.toString());
        assertThat(bo.run("target", "add", "m", "production", "--serving-dir",
                dir.resolve("serve").toString()).code()).isZero();
        CliRun.Result deploy = bo.run("deploy", "m", "production", "1.0");
        assertThat(deploy.code()).as(deploy.toString()).isZero();
        assertThat(Files.readString(dir.resolve("serve/current"))).isEqualTo("weights 1");
        assertThat(ana.run("verify").code()).isZero();
        assertThat(bo.run("verify").code()).isZero();
        assertThat(dir.resolve("ana-local")).isDirectoryNotContaining("glob:**/artifacts/*");
        assertThat(dir.resolve("bo-local")).isDirectoryNotContaining("glob:**/artifacts/*");
    }

    @Test
    void aMissingStoreRefusesMovesAndRegistersInOneLineNamingItAndChangesNothing(PgSandbox.Server server)
            throws Exception {
        String url = server.newDatabase();
        Path shared = Files.createDirectories(dir.resolve("nfs/artifacts"));
        CliRun cli = client(url, "local");
        assertThat(cli.run("init").code()).isZero();
        assertThat(cli.run("catalog", "artifacts").out()).startsWith("artifact store: " + dir.resolve("local"))
                .endsWith(" (not recorded in the catalog: kept beside it on this machine)\n");
        assertThat(cli.run("catalog", "artifacts", shared.toString()).code()).isZero();
        for (String v : new String[] {"1.0", "1.1"}) {
            Path art = Files.writeString(dir.resolve(v + ".bin"), "weights " + v);
            assertThat(cli.run("register", "m", v, "--artifact", art.toString()).code()).isZero();
        }
        assertThat(cli.run("target", "add", "m", "production").code()).isZero();
        assertThat(cli.run("deploy", "m", "production", "1.0").code()).isZero();
        String history = cli.run("history", "m", "--json").out();

        Files.move(dir.resolve("nfs"), dir.resolve("nfs-unmounted")); // the mount is gone
        CliRun.Result deploy = cli.run("deploy", "m", "production", "1.1");
        assertThat(deploy.code()).as(deploy.toString()).isEqualTo(1);
        assertThat(deploy.err()).doesNotContain("\n\n").hasLineCount(1).contains("the artifact store " + shared
                + " recorded in the catalog is missing or unreachable");
        CliRun.Result rollback = cli.run("rollback", "m", "production", "--to", "1.1");
        assertThat(rollback.code()).as(rollback.toString()).isEqualTo(1);
        assertThat(rollback.err()).hasLineCount(1).contains("the artifact store " + shared);
        Path art = Files.writeString(dir.resolve("1.2.bin"), "weights 1.2");
        CliRun.Result register = cli.run("register", "m", "1.2", "--artifact", art.toString());
        assertThat(register.code()).as(register.toString()).isEqualTo(1);
        assertThat(register.err()).hasLineCount(1).contains("the artifact store " + shared);
        assertThat(Files.exists(shared)).as("never created in place of the shared folder").isFalse();
        assertThat(cli.run("history", "m", "--json").out()).isEqualTo(history);

        CliRun.Result wrong = cli.run("catalog", "artifacts", dir.resolve("nowhere").toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("rewind: the artifact store " + dir.resolve("nowhere")
                + " is not a folder (create it, or mount the shared one, first)\n");
    }

    @Test
    void aCatalogFileKeepsItsStoreBesideIt() throws Exception {
        Path file = dir.resolve("c.db");
        CliRun cli = new CliRun(file);
        CliRun.Result init = cli.run("init", "--artifacts", dir.toString());
        assertThat(init.code()).isEqualTo(2);
        assertThat(init.err()).isEqualTo("rewind: --artifacts is for a PostgreSQL catalog; a catalog file keeps its"
                + " artifacts beside it\n");
        assertThat(Files.exists(file)).isFalse();
        assertThat(cli.run("init").code()).isZero();
        assertThat(cli.run("catalog", "artifacts").out()).isEqualTo("artifact store: " + dir.resolve("artifacts")
                + " (not recorded in the catalog: kept beside it on this machine)\n");
        CliRun.Result set = cli.run("catalog", "artifacts", dir.toString());
        assertThat(set.code()).isEqualTo(2);
        assertThat(set.err()).startsWith("rewind: a catalog file keeps its artifacts beside it");
    }

    @Test
    void aCopyThatFailsHalfwayLeavesTheDestinationEmpty(PgSandbox.Server server) throws Exception {
        Path source = dir.resolve("s.db");
        CliRun s = new CliRun(source);
        assertThat(s.run("demo").code()).isZero();
        // a metric of a version that does not exist: SQLite stores it, the server's foreign key refuses it
        Tamper.withTriggersDropped(source, "INSERT INTO metrics(version_id, key, value) VALUES (99999, 'orphan', 1)");
        String url = server.newDatabase();
        CliRun.Result copy = client(url, "local").run("catalog", "copy", source.toString(), url);
        assertThat(copy.code()).as(copy.toString()).isEqualTo(1);
        assertThat(copy.err().strip()).doesNotContain("\n").startsWith("rewind: could not copy into the catalog "
                + url + ": ").contains("foreign key");
        assertThat(client(url, "local").run("models", "--json").out()).isEqualTo("[ ]\n");
        assertThat(PgDump.of(url)).doesNotContain("orphan").contains("## events\n## keys\n");
        // the catalog is as empty as before, so the copy can be made again once the source is fixed
        assertThat(client(url, "local").run("catalog", "copy", dir.resolve("none.db").toString(), url).err())
                .startsWith("rewind: no catalog at");
    }

    private CliRun client(String url, String local) {
        return new CliRun(Path.of(url)).with("REWIND_PG_LOCAL", dir.resolve(local).toString());
    }
}
