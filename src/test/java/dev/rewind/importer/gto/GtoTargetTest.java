package dev.rewind.importer.gto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.Main;
import dev.rewind.support.ChildJvm;
import dev.rewind.support.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target of kind gto: a move creates GTO's next assignment tag on the version's registration commit, which the
 * importer's parser reads back and GTO's rule resolves to the chosen version; a dry run shows the {@code gto assign}
 * command and leaves the repository as it was; two processes racing on the stage get one move and one clean conflict.
 */
class GtoTargetTest {
    @TempDir
    Path dir;

    private CliRun registry(GitFixture g) throws Exception {
        String c1 = g.commit("model.txt", "one", 1_700_000_000L);
        g.tag("churn@v1.0.0", c1, 1_700_000_010L, "Ana", "Registering artifact churn version v1.0.0");
        g.tag("churn#prod#1", c1, 1_700_000_020L, "Ana", "Assigning stage prod to artifact churn version v1.0.0");
        String c2 = g.commit("model.txt", "two", 1_700_100_000L);
        g.tag("churn@v2.0.0", c2, 1_700_100_010L, "Ana", "Registering artifact churn version v2.0.0");
        String c3 = g.commit("model.txt", "three", 1_700_200_000L);
        g.tag("churn@v3.0.0", c3, 1_700_200_010L, "Ana", "Registering artifact churn version v3.0.0");
        CliRun cli = new CliRun(dir.resolve("c.db"));
        assertThat(cli.run("init").code()).isZero();
        var imported = cli.run("import", "gto", g.repo.toString());
        assertThat(imported.code()).as(imported.toString()).isZero();
        var added = cli.run("target", "add", "churn", "live", "--kind", "gto", "--repo", g.repo.toString(), "--stage", "prod");
        assertThat(added.code()).as(added.toString()).isZero();
        return cli;
    }

    @Test
    void aMoveCreatesTheNextAssignmentTagThatGtoReadsBack() throws Exception {
        GitFixture g = new GitFixture(dir.resolve("repo"));
        CliRun cli = registry(g);
        String before = GitFixture.state(g.repo);
        var dry = cli.run("deploy", "churn", "live", "v2.0.0", "--dry-run");
        assertThat(dry.out()).contains("amounts to: gto assign churn --version v2.0.0 --stage prod");
        assertThat(GitFixture.state(g.repo)).as("a dry run leaves refs and objects").isEqualTo(before);

        var moved = cli.run("deploy", "churn", "live", "v2.0.0", "--reason", "better recall");
        assertThat(moved.code()).as(moved.toString()).isZero();
        assertThat(moved.out()).contains("verified").contains("push origin --tags");
        assertThat(g.git("cat-file", "-t", "churn#prod#2").strip()).isEqualTo("tag");
        assertThat(g.git("rev-parse", "churn#prod#2^{commit}")).isEqualTo(g.git("rev-parse", "churn@v2.0.0^{commit}"));
        String message = g.git("tag", "-l", "--format=%(contents)", "churn#prod#2");
        assertThat(message).startsWith("Assigning stage prod to artifact churn version v2.0.0").contains("better recall");
        assertThat(stage(g.repo)).as("GTO's rule").isEqualTo("v2.0.0");
        assertThat(cli.run("verify").code()).isZero();

        g.tag("churn#prod#3", g.git("rev-parse", "churn@v3.0.0^{commit}").strip(), 1_800_000_000L, "Bo",
                "Assigning stage prod to artifact churn version v3.0.0");
        var drift = cli.run("verify");
        assertThat(drift.code()).isNotZero();
        assertThat(drift.out() + drift.err()).contains("GTO stage prod of churn").contains("moved outside Rewind");
    }

    @Test
    void twoProcessesRacingOnTheStageGetOneMoveAndOneCleanConflict() throws Exception {
        GitFixture g = new GitFixture(dir.resolve("repo"));
        CliRun cli = registry(g);
        assertThat(cli.run("deploy", "churn", "live", "v2.0.0").code()).isZero();
        List<String> tagsBefore = List.of(g.git("tag", "-l", "churn#*").split("\n"));
        ChildJvm a = ChildJvm.start(dir.resolve("native"), Main.class, "deploy", "churn", "live", "v1.0.0", "--expect",
                "v2.0.0", "--catalog", cli.catalog().toString());
        ChildJvm b = ChildJvm.start(dir.resolve("native"), Main.class, "deploy", "churn", "live", "v3.0.0", "--expect",
                "v2.0.0", "--catalog", cli.catalog().toString());
        int ea = a.waitFor(120);
        int eb = b.waitFor(120);
        assertThat(List.of(ea, eb)).as(a.lines() + " / " + b.lines()).containsExactlyInAnyOrder(0, 1);
        String winner = ea == 0 ? "v1.0.0" : "v3.0.0";
        List<String> tagsAfter = List.of(g.git("tag", "-l", "churn#*").split("\n"));
        assertThat(tagsAfter).hasSize(tagsBefore.size() + 1);
        assertThat(stage(g.repo)).isEqualTo(winner);
        assertThat(cli.run("verify").code()).isZero();
    }

    @Test
    void theImportedStageTargetLinkedToItsStageAssignsItFromThenOn() throws Exception {
        GitFixture g = new GitFixture(dir.resolve("repo"));
        CliRun cli = registry(g);
        var linked = cli.run("target", "link", "churn", "prod", "--kind", "gto", "--repo", g.repo.toString(),
                "--stage", "prod");
        assertThat(linked.code()).as(linked.toString()).isZero();
        assertThat(linked.out()).contains("linked target prod of churn to GTO stage prod of churn");
        assertThat(cli.run("verify").code()).isZero();
        var moved = cli.run("deploy", "churn", "prod", "v3.0.0", "--reason", "linked");
        assertThat(moved.code()).as(moved.toString()).isZero();
        assertThat(stage(g.repo)).as("GTO's rule").isEqualTo("v3.0.0");
    }

    private static String stage(Path repo) {
        StageRule rule = new StageRule();
        new GtoReader("git").read(repo).events().forEach(rule::apply);
        return rule.current("churn", "prod");
    }

}
