package dev.rewind.catalog.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.CliRun;
import dev.rewind.support.PgSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a PostgreSQL catalog: chosen by address, the password kept out of every line it prints. */
@ExtendWith(PgSandbox.class)
class PostgresCliTest {
    @TempDir
    Path dir;

    @Test
    void aPasswordInTheAddressOfAnUnreachableServerIsNeverPrinted() {
        // port 1: nothing listens there, so the connection fails at once
        for (String[] args : List.of(new String[] {"models"}, new String[] {"models", "--json"},
                new String[] {"verify"}, new String[] {"init"})) {
            CliRun.Result r = run("postgresql://ana:s3cr3t-pw@127.0.0.1:1/team", args);
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.out() + r.err()).doesNotContain("s3cr3t-pw");
            assertThat(r.err().strip()).doesNotContain("\n").startsWith("rewind: cannot open catalog postgresql://ana@127.0.0.1:1/team:");
        }
    }

    @Test
    void anAddressSelectsTheServerAndTheDatabaseNamesWhoDidIt(PgSandbox.Server server) throws Exception {
        String url = server.newDatabase();
        assertThat(run(url, "init").out()).isEqualTo("created catalog " + url + "\n");
        Path art = Files.writeString(dir.resolve("m.bin"), "weights");
        CliRun.Result reg = run(url, "register", "m", "1.0", "--artifact", art.toString());
        assertThat(reg.code()).as(reg.toString()).isZero();
        CliRun.Result target = run(url, "target", "add", "m", "production");
        assertThat(target.code()).as(target.toString()).isZero();
        CliRun.Result deploy = run(url, "deploy", "m", "production", "1.0", "--reason", "launch");
        assertThat(deploy.code()).as(deploy.toString()).isZero();
        assertThat(run(url, "models").out()).contains("production=1.0");
        CliRun.Result verify = run(url, "verify");
        assertThat(verify.out()).as(verify.toString()).startsWith("ok: " + url);
        // the CLI says it is 'tester'; the database records the session user it connected as
        List<String> actors = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PgSandbox.Server.jdbc(url)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT actor FROM events")) {
            while (rs.next()) {
                actors.add(rs.getString(1));
            }
        }
        assertThat(actors).containsExactly("rewind");
        assertThat(run(url, "init").out()).startsWith("catalog already exists: ");
    }

    private CliRun.Result run(String url, String... args) {
        return new CliRun(Path.of(url)).with("REWIND_PG_LOCAL", dir.resolve("local").toString()).run(args);
    }
}
