package dev.rewind.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.Actor;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.Lane;
import dev.rewind.domain.MoveRequest;
import dev.rewind.domain.VersionRow;
import dev.rewind.service.RegisterRequest;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogBackend;
import dev.rewind.support.PgSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The timeline's packed reads (light rows, lanes) give the same answers on both backends, whatever a label holds:
 * each packs its rows as JSON in its own dialect, and a move names its version by id, named by the caller.
 */
@ExtendWith(PgSandbox.class)
class TimelineReadsContractTest {
    private static final List<String> LABELS = List.of("1.0", "q\"uo\\te, [x]; ünï-😀", "2.0/é");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CatalogBackend.Both.class)
    void rowsAndLanesComeBackWholeAndInOrder(CatalogBackend backend) throws Exception {
        Path art = Files.writeString(dir.resolve("model.bin"), "weights");
        try (Catalog c = backend.open(dir, true)) {
            Services s = new Services(c, new Actor("ana", "h"), Clock.systemUTC());
            for (String label : LABELS) {
                s.registry().register(new RegisterRequest("m", label, art, List.of(), Map.of(), null, null, null,
                        null));
            }
            s.deployments().addTarget("m", "production", null);
            s.deployments().deploy(MoveRequest.of("m", "production", LABELS.get(0)).because("first"));
            s.deployments().deploy(MoveRequest.of("m", "production", LABELS.get(1)).because("second"));
            s.deployments().rollback(MoveRequest.of("m", "production", LABELS.get(0)).because("back"));
            s.registry().tag("m", LABELS.get(0), "failed", null, "broken after all");

            List<VersionRow> rows = s.registry().timelineRows("m");
            assertThat(rows).extracting(VersionRow::label).containsExactlyElementsOf(LABELS);
            assertThat(rows).filteredOn(VersionRow::failed).extracting(VersionRow::label).containsExactly("1.0");
            assertThat(rows).filteredOn(VersionRow::live).extracting(VersionRow::label).containsExactly("1.0");

            // named by the catalog alone, and by the caller's rows: the same lanes
            Map<Long, String> byId = new java.util.HashMap<>();
            rows.forEach(r -> byId.put(r.id(), r.label()));
            for (List<Lane> lanes : List.of(s.history().lanes("m"), s.history().lanes("m", () -> byId::get),
                    s.history().lanes("m", () -> id -> null))) {
                assertThat(lanes).singleElement().satisfies(l -> {
                    assertThat(l.segments()).extracting(Lane.Segment::version)
                            .containsExactly(LABELS.get(0), LABELS.get(1), LABELS.get(0));
                    assertThat(l.segments()).extracting(Lane.Segment::how)
                            .containsExactly(EventKind.DEPLOY, EventKind.DEPLOY, EventKind.ROLLBACK);
                    assertThat(l.segments()).extracting(Lane.Segment::approximate).containsOnly(false);
                    assertThat(l.segments().get(2).until()).isNull();
                    assertThat(l.segments().get(0).until()).isEqualTo(l.segments().get(1).from());
                });
            }
        }
    }
}
