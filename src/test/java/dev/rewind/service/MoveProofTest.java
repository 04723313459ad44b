package dev.rewind.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.CheckResult;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveProof;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetCheck;
import dev.rewind.domain.Version;
import dev.rewind.support.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a move, the serving dir is read back; a target's check runs; both are recorded beside the event. */
class MoveProofTest {
    @TempDir
    Path dir;

    @Test
    void aRollbackIsReadBackFromTheServingDirAndRecorded() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            Move m = f.services.deployments().rollback(MoveRequest.of("m", "production", null).because("bad"));
            String sha = f.services.registry().show("m", "1.1").artifact().sha256();
            assertThat(m.verified()).isTrue();
            assertThat(m.proof().detail()).isEqualTo("current → " + sha.substring(0, 12)
                    + ", DEPLOYED.json names event " + m.eventId());
            assertThat(f.services.history().proofs("m")).containsEntry(m.eventId(), m.proof());
        }
    }

    @Test
    void theReadBackLooksAtTheDiskAndNoticesAForeignLinkOrRecord() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            Move m = f.services.deployments().rollback(MoveRequest.of("m", "production", null).because("bad"));
            Version v = f.services.registry().show("m", "1.1");
            ReadBack readBack = new ReadBack(f.catalog);
            ServingDirectory sd = new ServingDirectory(f.serving);
            assertThat(readBack.servingDir(sd, m, v.artifact()).verified()).isTrue();

            Path other = Files.writeString(dir.resolve("other.bin"), "someone else's model");
            Files.delete(f.serving.resolve("current"));
            Files.createSymbolicLink(f.serving.resolve("current"), other);
            MoveProof foreign = readBack.servingDir(sd, m, v.artifact());
            assertThat(foreign.verified()).isFalse();
            assertThat(foreign.detail()).contains("resolves to " + other.toRealPath());

            Move later = f.services.deployments().deploy(MoveRequest.of("m", "production", "2.0").because("again"));
            assertThat(later.verified()).isTrue();
            MoveProof stale = readBack.servingDir(sd, m.withProof(null), v.artifact());
            assertThat(stale.verified()).as("the link is 2.0's now").isFalse();
        }
    }

    @Test
    void aSameSizeTamperPassesTheCheapPreviewButTheHashBeforeTheSwitchRefuses() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            Path stored = f.catalog.artifacts().pathOf(f.services.registry().show("m", "1.1").artifact().sha256());
            String original = Files.readString(stored);
            stored.toFile().setWritable(true);
            Files.writeString(stored, "X".repeat(original.length()));
            String before = f.state();
            MoveRequest r = MoveRequest.of("m", "production", "1.1").expecting(Optional.of("2.0")).because("bad");
            assertThat(f.services.deployments().preview(r).blocker()).as("a preview reads no bytes").isNull();
            assertThatThrownBy(() -> f.services.deployments().rollback(r)).isInstanceOf(RewindException.class)
                    .hasMessageContaining("was altered").hasMessageContaining("nothing changed");
            assertThat(f.state()).isEqualTo(before);
        }
    }

    @Test
    void aTargetsCheckRunsWithTheMoveInItsEnvironmentAndIsRecorded() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            f.services.deployments().setCheck("m", "production", new TargetCheck(
                    "test \"$REWIND_MODEL $REWIND_TARGET $REWIND_VERSION\" = 'm production 1.1'"
                            + " && test \"$(cat \"$REWIND_SERVING_PATH\")\" = 'weights of 1.1'", Duration.ofSeconds(30)));
            assertThat(f.services.history().history("m", "production").get(0).kind()).isEqualTo(EventKind.TARGET);
            Move ok = f.services.deployments().rollback(MoveRequest.of("m", "production", null).because("bad"));
            assertThat(ok.proof().check().passed()).as(ok.proof().check().describe()).isTrue();

            Move bad = f.services.deployments().deploy(MoveRequest.of("m", "production", "2.0").because("again"));
            assertThat(bad.proof().check().outcome()).isEqualTo(CheckResult.Outcome.FAILED);
            assertThat(bad.proof().ok()).isFalse();
            assertThat(f.services.history().proofs("m").get(bad.eventId()).check().exitCode()).isEqualTo(1);
        }
    }

    @Test
    void aCheckThatHangsIsStoppedAtItsTimeout() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            f.services.deployments().setCheck("m", "staging", new TargetCheck("sleep 20", Duration.ofMillis(500)));
            long start = System.nanoTime();
            Move m = f.services.deployments().deploy(MoveRequest.of("m", "staging", "1.0").because("try"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(m.proof().check().outcome()).isEqualTo(CheckResult.Outcome.TIMED_OUT);
            assertThat(m.proof().detail()).as("no serving dir: the catalog is read back")
                    .isEqualTo("the catalog points staging at 1.0 (event " + m.eventId() + ")");
        }
    }
}
