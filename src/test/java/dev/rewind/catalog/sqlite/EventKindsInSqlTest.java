package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.catalog.EventRecord;
import dev.rewind.catalog.NewVersion;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.TargetState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event kinds have one source of truth, {@link EventKind}; the SQL that names them must agree with it. */
class EventKindsInSqlTest {
    private static final Pattern KIND_CHECK = Pattern.compile("CHECK \\(kind IN \\(([^)]*)\\)\\)");
    /** The events table as a migration creates or rebuilds it (other tables have a kind of their own). */
    private static final Pattern EVENTS_TABLE = Pattern.compile("CREATE TABLE events\\w* \\((.*?)\\n\\);",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    /**
     * Applied migrations never change, so the enum is checked against them instead: the CHECK in force is the
     * one the newest migration that rebuilt the events table wrote.
     */
    @Test
    void theMigrationsAllowExactlyTheEnumsKinds() throws IOException {
        List<String> checks = new ArrayList<>();
        for (String script : Migrations.SCRIPTS) {
            try (InputStream in = Migrations.class.getResourceAsStream("/dev/rewind/catalog/" + script)) {
                Matcher table = EVENTS_TABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (table.find()) {
                    Matcher m = KIND_CHECK.matcher(table.group(1));
                    while (m.find()) {
                        checks.add(m.group(1));
                    }
                }
            }
        }
        assertThat(checks).as("a CHECK on events.kind in the migrations").isNotEmpty();
        List<String> allowed = Arrays.stream(checks.get(checks.size() - 1).split(",")).map(s -> s.strip().replace("'", "")).toList();
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventKind.values()).map(EventKind::id).toList());
    }

    @Test
    void aTargetsMovesAreExactlyTheEventsOfTheMoveKinds() {
        try (SqliteCatalog c = SqliteCatalog.open(dir.resolve("c.db"), true)) {
            long target = c.write(tx -> {
                long model = tx.models().insert("m", Instant.EPOCH);
                long version = tx.versions().insert(new NewVersion(model, "1.0", 1, Instant.EPOCH, "a", null, null,
                        null, null));
                long t = tx.targets().insert(model, "production", null);
                long at = 1000;
                for (EventKind k : EventKind.values()) {
                    tx.events().append(EventRecord.draft(at++, k, model, t, version, null,
                            k.movesPointer() ? version : null, null, null, null, "a", "h"));
                }
                tx.events().append(EventRecord.draft(at, EventKind.TAG, model, t, version, null, null, "x", null,
                        null, "a", "h"));
                return t;
            });
            List<EventKind> moves = c.read(tx -> tx.events().moves(target)).stream().map(EventRecord::kind).toList();
            assertThat(moves).containsExactlyInAnyOrderElementsOf(EventKind.MOVES);
            EventRecord latest = c.read(tx -> tx.events().latestMove(target)).orElseThrow();
            assertThat(latest.kind()).isEqualTo(moves.get(moves.size() - 1));
            TargetState state = c.read(tx -> tx.targets().list("m")).get(0);
            assertThat(state.since()).isEqualTo(Instant.ofEpochMilli(latest.at()));
        }
    }
}
