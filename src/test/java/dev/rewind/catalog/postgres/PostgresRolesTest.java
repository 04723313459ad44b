package dev.rewind.catalog.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.catalog.EventSigner;
import dev.rewind.domain.Abilities;
import dev.rewind.domain.RewindException;
import dev.rewind.support.CliRun;
import dev.rewind.support.PgSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles on a team catalog: what a person may change is decided by the server, so the app refuses in one line naming
 * the missing role, and the same person going around the app with SQL is refused by the server itself.
 */
@ExtendWith(PgSandbox.class)
class PostgresRolesTest {
    @TempDir
    Path dir;

    @Test
    void aDeployerCannotMoveAProtectedTargetThroughTheAppNorThroughSql(PgSandbox.Server server) throws Exception {
        String url = catalogWithRoles(server);
        login(url, "dana", "rewind_deployer");
        String dana = as(url, "dana");

        // the catalog's owner moves it as before the roles existed
        assertThat(run(url, "deploy", "m", "production", "2.0", "--reason", "release").code()).isZero();
        CliRun.Result deploy = run(dana, "deploy", "m", "production", "1.0", "--reason", "try");
        assertThat(deploy.code()).as(deploy.toString()).isEqualTo(1);
        assertThat(deploy.err().strip()).doesNotContain("\n").contains("rewind_releaser").contains("dana")
                .doesNotContain("SQLException").doesNotContain("ERROR");
        CliRun.Result rollback = run(dana, "rollback", "m", "production", "--reason", "try");
        assertThat(rollback.code()).as(rollback.toString()).isEqualTo(1);
        assertThat(rollback.err()).contains("rewind_releaser");
        CliRun.Result unprotect = run(dana, "target", "unprotect", "m", "production", "--reason", "try");
        assertThat(unprotect.code()).as(unprotect.toString()).isEqualTo(1);
        assertThat(unprotect.err().strip()).doesNotContain("\n").contains("rewind_releaser");

        try (Connection c = jdbc(url, "dana"); Statement st = c.createStatement()) {
            long events = count(st, "SELECT count(*) FROM events");
            refused(st, "UPDATE targets SET version_id = (SELECT id FROM versions WHERE label = '1.0')"
                    + " WHERE name = 'production'", "rewind_releaser");
            refused(st, "UPDATE targets SET protected = 0 WHERE name = 'production'", null);
            refused(st, "INSERT INTO events(id, at, kind, model_id, target_id, to_version_id, host, prev_hash, hash)"
                    + " SELECT max(e.id) + 1, 0, 'deploy', t.model_id, t.id, t.version_id, 'h', 'x', 'y'"
                    + " FROM events e, targets t WHERE t.name = 'production' GROUP BY t.model_id, t.id",
                    "rewind_releaser");
            refused(st, "INSERT INTO events(id, at, kind, model_id, target_id, host, prev_hash, hash)"
                    + " SELECT max(e.id) + 1, 0, 'unprotect', t.model_id, t.id, 'h', 'x', 'y'"
                    + " FROM events e, targets t WHERE t.name = 'production' GROUP BY t.model_id, t.id",
                    "rewind_releaser");
            refused(st, "DELETE FROM target_guards", null);
            refused(st, "DELETE FROM events", null);
            refused(st, "UPDATE events SET reason = 'x'", null);
            // the ways around triggers are the owner's or a superuser's only
            refused(st, "SELECT set_config('session_replication_role', 'replica', false)", null);
            refused(st, "ALTER TABLE targets DISABLE TRIGGER targets_protected", null);
            refused(st, "DROP FUNCTION rewind_may(name)", null);
            assertThat(count(st, "SELECT count(*) FROM events")).isEqualTo(events);
        }
        assertThat(run(url, "targets").out()).containsPattern("production\\s+2\\.0");
        CliRun.Result verify = run(url, "verify");
        assertThat(verify.code()).as(verify.toString()).isZero();
    }

    @Test
    void aDeployerMovesAnUnprotectedTargetAndTheServerNamesWhoDidIt(PgSandbox.Server server) throws Exception {
        String url = catalogWithRoles(server);
        login(url, "erin", "rewind_deployer");
        CliRun.Result deploy = run(as(url, "erin"), "deploy", "m", "staging", "2.0");
        assertThat(deploy.code()).as(deploy.toString()).isZero();
        assertThat(run(url, "targets").out()).containsPattern("staging\\s+2\\.0");
        try (Connection c = jdbc(url, "rewind"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT actor FROM events ORDER BY id DESC LIMIT 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("erin");
        }
        // a deployer may tag too (each role includes the one before) but not guard a target
        assertThat(run(as(url, "erin"), "tag", "m", "2.0", "reviewed=yes").code()).isZero();
        CliRun.Result guard = run(as(url, "erin"), "target", "guard", "m", "staging", "--min", "auc=0.5");
        assertThat(guard.code()).as(guard.toString()).isEqualTo(1);
        assertThat(guard.err()).contains("rewind_releaser");
    }

    @Test
    void anEditorSignsOnlyTheEventsOfItsOwnTransaction(PgSandbox.Server server) throws Exception {
        String url = catalogWithRoles(server);
        login(url, "ed", "rewind_editor");
        try (Connection c = jdbc(url, "ed"); Statement st = c.createStatement()) {
            String append = "INSERT INTO events(id, at, kind, model_id, version_id, tag_key, host, prev_hash, hash)"
                    + " SELECT max(e.id) + 1, 0, 'tag', min(v.model_id), min(v.id), 'k', 'h', 'x', 'y'"
                    + " FROM events e, versions v";
            st.execute("BEGIN");
            st.execute(append);
            st.execute("UPDATE events SET key_id = 'k', signature = 's' WHERE id = (SELECT max(id) FROM events)");
            st.execute("ROLLBACK");
            st.execute(append);
            refused(st, "UPDATE events SET key_id = 'k', signature = 's' WHERE id = (SELECT max(id) FROM events)",
                    null);
        }
        // what ed wrote by hand breaks the chain, and verify says so
        CliRun.Result verify = run(url, "verify");
        assertThat(verify.code()).as(verify.toString()).isNotZero();
    }

    @Test
    void aReaderBrowsesButCannotWrite(PgSandbox.Server server) throws Exception {
        String url = catalogWithRoles(server);
        login(url, "rita", "rewind_reader");
        String rita = as(url, "rita");
        assertThat(run(rita, "models").out()).contains("production=1.0");
        Path art = Files.writeString(dir.resolve("r.bin"), "reader");
        for (CliRun.Result r : new CliRun.Result[] {run(rita, "register", "m", "3.0", "--artifact", art.toString()),
            run(rita, "tag", "m", "1.0", "stable"), run(rita, "deploy", "m", "staging", "2.0")}) {
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err().strip()).doesNotContain("\n").containsPattern("rewind_(editor|deployer)")
                    .doesNotContain("ERROR");
        }
        try (Connection c = jdbc(url, "rita"); Statement st = c.createStatement()) {
            refused(st, "INSERT INTO models(name, created_at) VALUES ('x', 0)", null);
            refused(st, "INSERT INTO version_tags(version_id, key, value) SELECT id, 'stable', '' FROM versions", null);
        }
        assertThat(run(url, "versions", "m").out()).doesNotContain("3.0");
    }

    @Test
    void aReleaserMovesAProtectedTargetAndChangesItsProtection(PgSandbox.Server server) throws Exception {
        String url = catalogWithRoles(server);
        login(url, "rose", "rewind_releaser");
        String rose = as(url, "rose");
        CliRun.Result deploy = run(rose, "deploy", "m", "production", "2.0", "--reason", "release 2.0");
        assertThat(deploy.code()).as(deploy.toString()).isZero();
        assertThat(run(url, "targets").out()).containsPattern("production\\s+2\\.0");
        CliRun.Result unprotect = run(rose, "target", "unprotect", "m", "production", "--reason", "freeze over");
        assertThat(unprotect.code()).as(unprotect.toString()).isZero();
        assertThat(run(url, "verify").code()).isZero();
    }

    @Test
    void theServerNamesTheMissingRoleWhenTheAppIsGoneAround(PgSandbox.Server server) throws Exception {
        String url = catalogWithRoles(server);
        login(url, "dora", "rewind_deployer");
        PgAddress address = PgAddress.parse(as(url, "dora"), Map.of());
        EventSigner signer = (actor, hash) -> {
            throw new AssertionError("nothing is signed");
        };
        try (PostgresCatalog catalog = PostgresCatalog.open(address, false, signer, dir.resolve("local"))) {
            Abilities may = catalog.abilities();
            assertThat(may.may(Abilities.Ability.DEPLOY)).isTrue();
            assertThat(may.may(Abilities.Ability.RELEASE)).isFalse();
            assertThat(may.whyNot(Abilities.Ability.RELEASE)).hasValueSatisfying(
                    why -> assertThat(why).contains("rewind_releaser").contains("dora"));
            // straight to the repository, past the services' own check: the server refuses, in one line
            assertThatThrownBy(() -> catalog.write(tx -> {
                long id = tx.targets().find("m", "production").orElseThrow().id();
                tx.targets().point(id, null);
                return null;
            })).isInstanceOfSatisfying(RewindException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(1);
                assertThat(e.getMessage()).doesNotContain("\n").contains("rewind_releaser").doesNotContain("ERROR:");
            });
        }
        assertThat(run(url, "targets").out()).containsPattern("production\\s+1\\.0");

        // a grant the role lacks: the table says which role writes it
        login(url, "rhea", "rewind_reader");
        try (PostgresCatalog catalog = PostgresCatalog.open(PgAddress.parse(as(url, "rhea"), Map.of()), false, signer,
                dir.resolve("local"))) {
            assertThatThrownBy(() -> catalog.write(tx -> tx.models().insert("x", java.time.Instant.EPOCH)))
                    .isInstanceOfSatisfying(RewindException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(1);
                        assertThat(e.getMessage()).doesNotContain("\n").contains("rewind_editor", "rhea");
                    });
        }
    }

    @Test
    void initRolesCanRunAgainAndForAnotherCatalogOfTheCluster(PgSandbox.Server server) throws Exception {
        String url = catalogWithRoles(server);
        CliRun.Result again = run(url, "admin", "init-roles");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("roles already there: rewind_reader, rewind_editor, rewind_deployer,"
                + " rewind_releaser").contains("GRANT rewind_deployer TO alice;").doesNotContain("created");

        String other = catalogWithRoles(server);
        login(other, "otto", "rewind_deployer");
        CliRun.Result deploy = run(as(other, "otto"), "deploy", "m", "staging", "2.0");
        assertThat(deploy.code()).as(deploy.toString()).isZero();
    }

    @Test
    void aCatalogFileHasNoRoles() {
        Path file = dir.resolve("c.db");
        CliRun cli = new CliRun(file);
        assertThat(cli.run("init").code()).isZero();
        CliRun.Result r = cli.run("admin", "init-roles");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("rewind: roles need a PostgreSQL catalog");
        assertThat(r.out()).isEmpty();
    }

    /** A catalog with m 1.0 and 2.0, production (protected) and staging serving 1.0, and the team roles. */
    private String catalogWithRoles(PgSandbox.Server server) throws Exception {
        String url = server.newDatabase();
        assertThat(run(url, "init").code()).isZero();
        for (String v : new String[] {"1.0", "2.0"}) {
            Path art = Files.writeString(dir.resolve("m-" + v + ".bin"), "weights " + v);
            CliRun.Result reg = run(url, "register", "m", v, "--artifact", art.toString(), "--metric", "auc=0.9");
            assertThat(reg.code()).as(reg.toString()).isZero();
        }
        assertThat(run(url, "target", "add", "m", "production", "--protected").code()).isZero();
        assertThat(run(url, "target", "add", "m", "staging").code()).isZero();
        assertThat(run(url, "deploy", "m", "production", "1.0", "--reason", "launch").code()).isZero();
        assertThat(run(url, "deploy", "m", "staging", "1.0").code()).isZero();
        CliRun.Result init = run(url, "admin", "init-roles");
        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(init.out()).contains("granted them catalog " + url);
        return url;
    }

    /** A login role (made once per cluster) that is a member of {@code role}. */
    private static void login(String url, String user, String role) throws SQLException {
        try (Connection c = jdbc(url, "rewind"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + user + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE ROLE " + user + " LOGIN");
                }
            }
            st.execute("GRANT " + role + " TO " + user);
        }
    }

    private static String as(String url, String user) {
        return url.replaceFirst("^postgresql://rewind@", "postgresql://" + user + "@");
    }

    private static Connection jdbc(String url, String user) throws SQLException {
        return DriverManager.getConnection(PgSandbox.Server.jdbc(url).replace("?user=rewind", "?user=" + user));
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The server refuses {@code sql} for lack of privilege; when {@code role} is given, its message names it. */
    private static void refused(Statement st, String sql, String role) {
        assertThatThrownBy(() -> st.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo("42501");
            if (role != null) {
                assertThat(e.getMessage()).contains(role);
            }
        });
    }

    private CliRun.Result run(String url, String... args) {
        return new CliRun(Path.of(url)).with("REWIND_PG_LOCAL", dir.resolve("local").toString()).run(args);
    }
}
