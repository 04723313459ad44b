package dev.rewind.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.domain.ConflictException;
import dev.rewind.domain.Event;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.MetricGuard;
import dev.rewind.domain.Move;
import dev.rewind.domain.MoveDecision;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MovePreview;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.RollbackSuggestion;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class DeployServiceTest {
    @TempDir
    Path dir;

    @Test
    void deployMovesPointerWritesEventAndSwitchesServingDir() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            Move m = f.services.deployments().deploy(MoveRequest.of("m", "production", "1.1")
                    .expecting(Optional.empty()).because("launch"));
            assertThat(m.fromVersion()).isNull();
            assertThat(m.toVersion()).isEqualTo("1.1");
            assertThat(f.live("production")).isEqualTo("1.1");
            Path link = Files.readSymbolicLink(f.serving.resolve("current"));
            String sha = f.services.registry().show("m", "1.1").artifact().sha256();
            assertThat(link).isEqualTo(f.catalog.artifacts().pathOf(sha));
            assertThat(f.serving.resolve("current")).hasContent("weights of 1.1");
            String json = Files.readString(f.serving.resolve("DEPLOYED.json"));
            assertThat(json).contains("\"version\" : \"1.1\"", sha, "\"eventId\" : " + m.eventId(), "\"target\" : \"production\"");
            Event e = f.services.history().history("m", "production").get(0);
            assertThat(e.kind()).isEqualTo(EventKind.DEPLOY);
            assertThat(e.toVersion()).isEqualTo("1.1");
            assertThat(e.reason()).isEqualTo("launch");
            assertThat(e.actor()).isEqualTo("tester");
            assertThat(e.host()).isEqualTo("test-host");
            assertThat(f.services.verifier().verify(false).problems()).isEmpty();
        }
    }

    @Test
    void rollbackWithoutToPicksThePreviouslyLiveVersionAndWalksPastFailed() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            assertThat(f.services.deployments().rollbackCandidate("m", "production")).isEqualTo("1.1");
            f.services.registry().tag("m", "1.1", "failed", null, "also bad");
            Move m = f.services.deployments().rollback(MoveRequest.of("m", "production", null)
                    .expecting(Optional.of("2.0")).because("2.0 regressed"));
            assertThat(m.kind()).isEqualTo(EventKind.ROLLBACK);
            assertThat(m.fromVersion()).isEqualTo("2.0");
            assertThat(m.toVersion()).isEqualTo("1.0");
            assertThat(f.serving.resolve("current")).hasContent("weights of 1.0");
        }
    }

    @Test
    void secondRollbackGoesFurtherBackNotForward() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            f.services.deployments().rollback(MoveRequest.of("m", "production", null).because("first"));
            assertThat(f.live("production")).isEqualTo("1.1");
            f.services.deployments().rollback(MoveRequest.of("m", "production", null).because("second"));
            assertThat(f.live("production")).isEqualTo("1.0");
        }
    }

    @Test
    void staleExpectIsRefusedNamingTheLiveVersionAndChangesNothing() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            String before = f.state();
            ConflictException e = org.junit.jupiter.api.Assertions.assertThrows(ConflictException.class,
                    () -> f.services.deployments().rollback(MoveRequest.of("m", "production", "1.0")
                            .expecting(Optional.of("1.1")).because("stale")));
            assertThat(e.getMessage()).contains("now serves 2.0", "not 1.1 as expected", "tester@test-host");
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.liveVersion()).isEqualTo("2.0");
            assertThat(f.state()).isEqualTo(before);
        }
    }

    @Test
    void eachBadInputIsRefusedAndLeavesCatalogAndServingDirUnchanged() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            DeployService d = f.services.deployments();
            f.services.registry().tag("m", "1.0", "failed", null, "bad");
            String before = f.state();
            Object[][] cases = {
                {"has no target 'prod'", (Executable) () -> d.deploy(MoveRequest.of("m", "prod", "1.1")), 2},
                {"unknown model 'x'", (Executable) () -> d.rollback(MoveRequest.of("x", "production", null)), 2},
                {"has no version '9'", (Executable) () -> d.deploy(MoveRequest.of("m", "production", "9")), 2},
                {"serves nothing yet", (Executable) () -> d.rollback(MoveRequest.of("m", "staging", null)), 1},
                {"tagged failed", (Executable) () -> d.deploy(MoveRequest.of("m", "production", "1.0")), 1},
                {"tagged failed", (Executable) () -> d.rollback(MoveRequest.of("m", "production", "1.0")), 1},
                {"not 1.0 as expected", (Executable) () -> d.deploy(MoveRequest.of("m", "production", "1.1")
                        .expecting(Optional.of("1.0"))), 1},
                {"not nothing as expected", (Executable) () -> d.deploy(MoveRequest.of("m", "production", "1.1")
                        .expecting(Optional.empty())), 1},
            };
            for (Object[] c : cases) {
                RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                        (Executable) c[1]);
                assertThat(e.getMessage()).contains((String) c[0]);
                assertThat(e.exitCode()).as((String) c[0]).isEqualTo(c[2]);
                assertThat(f.state()).as((String) c[0]).isEqualTo(before);
            }
        }
    }

    @Test
    void noEarlierGoodVersionIsRefused() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.services.deployments().deploy(MoveRequest.of("m", "production", "1.0"));
            String before = f.state();
            assertThatThrownBy(() -> f.services.deployments().rollback(MoveRequest.of("m", "production", null)))
                    .hasMessageContaining("no earlier good version");
            assertThat(f.state()).isEqualTo(before);
        }
    }

    @Test
    void theFailedVersionOverrideIsForDeploysOnly() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            f.services.registry().tag("m", "1.0", "failed", null, "bad");
            String before = f.state();
            assertThatThrownBy(() -> f.services.deployments().rollback(MoveRequest.of("m", "production", "1.0")
                    .overriding(MoveOverride.FAILED_VERSION)))
                    .isInstanceOf(RewindException.class).hasMessageContaining("tagged failed");
            assertThat(f.state()).isEqualTo(before);
        }
    }

    @Test
    void forceFailedDeploysAFailedVersion() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            f.services.registry().tag("m", "1.0", "failed", null, "bad");
            f.services.deployments().deploy(MoveRequest.of("m", "production", "1.0").expecting(Optional.of("2.0"))
                    .because("forced for a test").overriding(MoveOverride.FAILED_VERSION));
            assertThat(f.live("production")).isEqualTo("1.0");
        }
    }

    @Test
    void alteredArtifactRefusesTheSwitchAndChangesNothing() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            Path stored = f.catalog.artifacts().pathOf(f.services.registry().show("m", "1.1").artifact().sha256());
            stored.toFile().setWritable(true);
            Files.writeString(stored, "tampered weights");
            String before = f.state();
            assertThatThrownBy(() -> f.services.deployments().rollback(MoveRequest.of("m", "production", null)
                    .expecting(Optional.of("2.0")).because("bad")))
                    .isInstanceOf(RewindException.class).hasMessageContaining("was altered").hasMessageContaining("nothing changed");
            assertThat(f.state()).isEqualTo(before);
            assertThat(f.services.verifier().verify(false).problems()).anyMatch(p -> p.startsWith("rule 3: m 1.1"));
        }
    }

    @Test
    void missingArtifactRefusesTheSwitchAndChangesNothing() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            Path stored = f.catalog.artifacts().pathOf(f.services.registry().show("m", "1.0").artifact().sha256());
            Files.delete(stored);
            String before = f.state();
            assertThatThrownBy(() -> f.services.deployments().rollback(MoveRequest.of("m", "production", "1.0")
                    .because("x")))
                    .hasMessageContaining("is missing");
            assertThat(f.state()).isEqualTo(before);
        }
    }

    @Test
    void targetsAtAnswersFromTheEvents() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            DeployService d = f.services.deployments();
            Instant beforeAll = Instant.now();
            Thread.sleep(5);
            d.deploy(MoveRequest.of("m", "production", "1.0"));
            Thread.sleep(5);
            Instant afterFirst = Instant.now();
            Thread.sleep(5);
            d.deploy(MoveRequest.of("m", "production", "2.0"));
            d.deploy(MoveRequest.of("m", "staging", "1.1"));
            Thread.sleep(5);
            Instant afterAll = Instant.now();
            assertThat(at(f, beforeAll, "production")).isNull();
            assertThat(at(f, afterFirst, "production")).isEqualTo("1.0");
            assertThat(at(f, afterFirst, "staging")).isNull();
            assertThat(at(f, afterAll, "production")).isEqualTo("2.0");
            assertThat(at(f, afterAll, "staging")).isEqualTo("1.1");
        }
    }

    private static String at(Fixture f, Instant t, String target) {
        return f.services.history().targetsAt("m", t).stream().filter(r -> r.target().equals(target)).findFirst()
                .orElseThrow().version();
    }

    @Test
    void parsesMomentsAndRejectsNonsense() {
        var utc = java.time.ZoneOffset.UTC;
        assertThat(HistoryService.parseMoment("2026-11-01T09:30:00Z", utc)).isEqualTo(Instant.parse("2026-11-01T09:30:00Z"));
        assertThat(HistoryService.parseMoment("2026-11-01T10:30:00+01:00", utc)).isEqualTo(Instant.parse("2026-11-01T09:30:00Z"));
        assertThat(HistoryService.parseMoment("2026-11-01T09:30", utc)).isEqualTo(Instant.parse("2026-11-01T09:30:00Z"));
        assertThat(HistoryService.parseMoment("2026-11-01", utc)).isEqualTo(Instant.parse("2026-11-01T23:59:59.999Z"));
        assertThatThrownBy(() -> HistoryService.parseMoment("last tuesday", utc)).hasMessageContaining("ISO-8601");
    }

    @Test
    void editingAnEventWithTriggersDroppedIsNamedByVerify() throws Exception {
        Path db;
        try (Fixture f = Fixture.deployedThrice(dir)) {
            db = f.db;
            assertThat(f.services.verifier().verify(false).clean()).isTrue();
        }
        long target = historyIdOfReason(db, "better");
        CatalogDump.exec(db, "DROP TRIGGER events_no_update",
                "UPDATE events SET reason = 'nothing to see here' WHERE id = " + target);
        try (Fixture f = reopen(db)) {
            List<String> problems = f.services.verifier().verify(false).problems();
            assertThat(problems).anyMatch(p -> p.startsWith("history: event " + target + " ")
                    && p.contains("does not match its hash"));
            assertThat(problems).anyMatch(p -> p.contains("safeguard events_no_update was removed"));
        }
    }

    @Test
    void deletingAnEventWithTriggersDroppedIsDetected() throws Exception {
        Path db;
        try (Fixture f = Fixture.deployedThrice(dir)) {
            db = f.db;
        }
        long target = historyIdOfReason(db, "better");
        CatalogDump.exec(db, "DROP TRIGGER events_no_delete", "DELETE FROM events WHERE id = " + target);
        try (Fixture f = reopen(db)) {
            assertThat(f.services.verifier().verify(false).problems())
                    .anyMatch(p -> p.startsWith("history: event " + (target + 1) + " ") && p.contains("removed or altered"));
        }
    }

    @Test
    void pointerMovedBehindTheHistorysBackIsReported() throws Exception {
        Path db;
        try (Fixture f = Fixture.deployedThrice(dir)) {
            db = f.db;
        }
        CatalogDump.exec(db, "UPDATE targets SET version_id = (SELECT id FROM versions WHERE label = '1.0') "
                + "WHERE name = 'production'");
        try (Fixture f = reopen(db)) {
            assertThat(f.services.verifier().verify(false).problems())
                    .anyMatch(p -> p.startsWith("rule 1: production of m points at 1.0") && p.contains("says 2.0"));
        }
    }

    @Test
    void servingDirEditedByHandIsReportedAndRepaired() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            Path current = f.serving.resolve("current");
            Files.delete(current);
            Files.createSymbolicLink(current, f.catalog.artifacts().pathOf(
                    f.services.registry().show("m", "1.0").artifact().sha256()));
            VerifyService.Report report = f.services.verifier().verify(false);
            assertThat(report.problems()).anyMatch(p -> p.startsWith("rule 6:") && p.contains("'current' points at"));
            VerifyService.Report repaired = f.services.verifier().verify(true);
            assertThat(repaired.repaired()).hasSize(1);
            assertThat(repaired.problems()).isEmpty();
            assertThat(current).hasContent("weights of 2.0");
        }
    }

    @Test
    void addTargetRejectsDuplicatesAndBadServingDirs() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            String before = f.state();
            assertThatThrownBy(() -> f.services.deployments().addTarget("m", "production", null))
                    .hasMessageContaining("already has a target 'production'");
            Path file = Files.writeString(dir.resolve("afile"), "x");
            assertThatThrownBy(() -> f.services.deployments().addTarget("m", "canary", file))
                    .hasMessageContaining("is not a directory");
            assertThatThrownBy(() -> f.services.deployments().addTarget("m", "canary", dir.resolve("a/b/c")))
                    .hasMessageContaining("parent folder does not exist");
            assertThatThrownBy(() -> f.services.deployments().addTarget("nope", "canary", null))
                    .hasMessageContaining("unknown model");
            assertThat(f.state()).isEqualTo(before);
        }
    }

    private static Fixture reopen(Path db) {
        return new Fixture.Reopened(db).fixture();
    }

    private static long historyIdOfReason(Path db, String reason) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var ps = c.prepareStatement("SELECT id FROM events WHERE reason = ?")) {
            ps.setString(1, reason);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void movingToTheLiveVersionSucceedsWithoutAnEvent() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            String before = f.state();
            Move m = f.services.deployments().deploy(MoveRequest.of("m", "production", "2.0")
                    .expecting(Optional.of("2.0")));
            assertThat(m.changed()).isFalse();
            assertThat(m.toVersion()).isEqualTo("2.0");
            assertThat(f.state()).isEqualTo(before);
            assertThat(f.services.deployments().rollback(MoveRequest.of("m", "production", "2.0")).changed()).isFalse();
            assertThat(f.state()).isEqualTo(before);
            // a stale expectation is still a conflict, even when the version is the live one
            assertThatThrownBy(() -> f.services.deployments().deploy(MoveRequest.of("m", "production", "2.0")
                    .expecting(Optional.of("1.0")))).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void theSamePolicyDecidesThePreviewAndTheMove() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            DeployService d = f.services.deployments();
            f.services.registry().tag("m", "1.1", "Failed", "leaks", "seen in prod");
            f.services.targetRules().guard("m", "production", List.of(new MetricGuard("auc", 0.93, null),
                    new MetricGuard("latency_ms", null, 50.0)), "slo");
            MovePreview p = d.preview(MoveRequest.of("m", "production", "1.1"));
            assertThat(p.decision().verdict()).isEqualTo(MoveDecision.Verdict.NEEDS_OVERRIDE);
            assertThat(p.decision().overrides()).containsExactlyInAnyOrder(MoveOverride.FAILED_VERSION, MoveOverride.GUARD);
            assertThat(p.kind()).as("a rollback never goes to a failed version: offered as a deploy").isEqualTo(EventKind.DEPLOY);
            assertThat(p.needed().get(0).windowText()).isEqualTo("Deploy although 1.1 is tagged failed (leaks)");
            assertThat(p.needed().get(1).windowText())
                    .contains("auc 0.92 is 0.01 below the minimum 0.93", "latency_ms is not recorded");
            String before = f.state();
            MoveRequest asked = MoveRequest.of("m", "production", "1.1").expecting(Optional.of("2.0")).because("test");
            assertThatThrownBy(() -> d.deploy(asked)).hasMessageContaining("tagged failed")
                    .hasMessageContaining("misses a metric guard").hasMessageContaining("--override");
            assertThatThrownBy(() -> d.deploy(asked.overriding(MoveOverride.FAILED_VERSION)))
                    .hasMessageContaining("misses a metric guard").hasMessageNotContaining("tagged failed");
            assertThat(f.state()).isEqualTo(before);
            Move m = d.deploy(asked.overriding(MoveOverride.FAILED_VERSION).overriding(MoveOverride.GUARD));
            Event e = f.services.history().history("m", "production").get(0);
            assertThat(e.id()).isEqualTo(m.eventId());
            assertThat(e.overrides()).containsExactlyInAnyOrder(MoveOverride.FAILED_VERSION, MoveOverride.GUARD);
            // overrides given but not needed are not recorded
            f.services.targetRules().guard("m", "production", List.of(), "cleared");
            d.deploy(MoveRequest.of("m", "production", "2.0").overriding(MoveOverride.GUARD));
            assertThat(f.services.history().history("m", "production").get(0).overrides()).isEmpty();
        }
    }

    @Test
    void aProtectedTargetNeedsAOneLineReasonOnEveryMove() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            DeployService d = f.services.deployments();
            assertThatThrownBy(() -> f.services.targetRules().protect("m", "production", true, " "))
                    .isInstanceOf(RewindException.class).hasMessageContaining("reason is required");
            f.services.targetRules().protect("m", "production", true, "serves customers");
            assertThat(d.preview(MoveRequest.of("m", "production", "1.1")).needsTypedConfirmation()).isTrue();
            assertThat(d.preview(MoveRequest.of("m", "staging", "1.1")).needsTypedConfirmation()).isFalse();
            String before = f.state();
            for (String reason : new String[] {null, "", "   "}) {
                RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                        () -> d.rollback(MoveRequest.of("m", "production", null).because(reason)));
                assertThat(e.exitCode()).isEqualTo(2);
                assertThat(e.getMessage()).contains("production of m is protected");
            }
            for (String forged : new String[] {"ok\n2026 admin deployed", "ok\rx", "tab\there"}) {
                RewindException e = org.junit.jupiter.api.Assertions.assertThrows(RewindException.class,
                        () -> d.deploy(MoveRequest.of("m", "staging", "1.1").because(forged)));
                assertThat(e.exitCode()).isEqualTo(2);
                assertThat(e.getMessage()).contains("must be one line").doesNotContain("\n");
            }
            assertThat(f.state()).isEqualTo(before);
            assertThat(d.rollback(MoveRequest.of("m", "production", null).because("FPR up")).changed()).isTrue();
            f.services.targetRules().protect("m", "production", false, "decommissioned");
            assertThat(d.deploy(MoveRequest.of("m", "production", "2.0")).changed()).isTrue();
            assertThat(f.services.history().history("m", "production")).extracting(Event::kind)
                    .containsSubsequence(EventKind.DEPLOY, EventKind.UNPROTECT, EventKind.ROLLBACK, EventKind.PROTECT);
        }
    }

    @Test
    void rollbackWithoutAVersionGoesToTheLastStableOneOlderThanLiveAndNotFailed() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            DeployService d = f.services.deployments();
            assertThat(d.rollbackSuggestion("m", "production")).contains(new RollbackSuggestion("production", "1.1", false));
            f.services.registry().tag("m", "1.0", "STABLE", null, "ran a quarter");
            f.services.registry().tag("m", "2.0", "stable", null, "newer than live? no: it is live");
            RollbackSuggestion s = d.rollbackSuggestion("m", "production").orElseThrow();
            assertThat(s).isEqualTo(new RollbackSuggestion("production", "1.0", true));
            assertThat(s.describe()).isEqualTo("Roll back production to 1.0 (last stable)");
            f.services.registry().tag("m", "1.1", "stable", null, "also good");
            f.services.registry().tag("m", "1.1", "failed", null, "but then it failed");
            assertThat(d.rollbackSuggestion("m", "production").orElseThrow().version()).isEqualTo("1.0");
            Move m = d.rollback(MoveRequest.of("m", "production", null).because("incident"));
            assertThat(m.toVersion()).isEqualTo("1.0");
        }
    }

    @Test
    void failedAndStableKeysAreStoredLowerCaseAndTheirRemovalNeedsAReason() throws Exception {
        try (Fixture f = Fixture.deployedThrice(dir)) {
            assertThat(f.services.registry().tag("m", "1.0", "Failed", null, "x").tags()).containsKey("failed")
                    .doesNotContainKey("Failed");
            assertThat(f.services.registry().tag("m", "1.0", "Owner", "ana", "x").tags()).containsKey("Owner");
            String before = f.state();
            assertThatThrownBy(() -> f.services.registry().untag("m", "1.0", "FAILED", null))
                    .isInstanceOf(RewindException.class).hasMessageContaining("reason is required");
            assertThat(f.state()).isEqualTo(before);
            f.services.registry().untag("m", "1.0", "FAILED", "false alarm");
            Event e = f.services.history().history("m", null).get(0);
            assertThat(e.kind()).isEqualTo(EventKind.UNTAG);
            assertThat(e.tagKey()).isEqualTo("failed");
            assertThat(e.reason()).isEqualTo("false alarm");
            // other tags come off without one, as before
            f.services.registry().untag("m", "1.0", "Owner", null);
        }
    }
}
