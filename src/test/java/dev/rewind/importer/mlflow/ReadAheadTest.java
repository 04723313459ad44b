package dev.rewind.importer.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rewind.domain.RewindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    /** Runs r0..rN with {@code points} values each; "missing" is not in the store, "broken" fails to read. */
    private static final class FakeStore implements MlflowStore {
        final int points;
        final AtomicLong produced = new AtomicLong();

        FakeStore(int points) {
            this.points = points;
        }

        @Override
        public String source() {
            return "fake";
        }

        @Override
        public List<MlflowData.RegisteredModel> models() {
            return List.of();
        }

        @Override
        public MlflowData.Run run(String runId) {
            if (runId.equals("broken")) {
                throw RewindException.badInput("cannot import fake: run broken is damaged");
            }
            return runId.equals("missing") ? null
                    : new MlflowData.Run(runId, runId, "e", "u", 0, Map.of(), Map.of(), Map.of());
        }

        @Override
        public void history(String runId, Consumer<MlflowData.Point> sink) {
            for (int i = 0; i < points; i++) {
                produced.incrementAndGet();
                sink.accept(new MlflowData.Point(runId + "-k", i, i, i));
            }
        }

        @Override
        public void throwIfBroken() {
        }

        @Override
        public void close() {
        }
    }

    private static List<Double> history(MlflowStore s, String runId) {
        List<Double> values = new ArrayList<>();
        s.history(runId, p -> {
            assertThat(p.key()).isEqualTo(runId + "-k");
            values.add(p.value());
        });
        return values;
    }

    @Test
    void servesEachPlannedRunAndItsWholeHistoryInOrder() {
        FakeStore store = new FakeStore(ReadAhead.CHUNK * 3 + 5);
        try (ReadAhead ahead = new ReadAhead(store, List.of("a", "missing", "b"))) {
            assertThat(ahead.run("a").runId()).isEqualTo("a");
            List<Double> a = history(ahead, "a");
            assertThat(a).hasSize(ReadAhead.CHUNK * 3 + 5);
            assertThat(a.get(0)).isEqualTo(0.0);
            assertThat(a.get(a.size() - 1)).isEqualTo(ReadAhead.CHUNK * 3 + 4.0);
            assertThat(ahead.run("missing")).isNull();
            assertThat(ahead.run("b").runId()).isEqualTo("b");
            assertThat(history(ahead, "b")).hasSize(ReadAhead.CHUNK * 3 + 5);
            ahead.throwIfBroken();
        }
    }

    @Test
    void readsOnlyABoundedAmountAheadOfTheImport() throws Exception {
        FakeStore store = new FakeStore(1_000_000);
        try (ReadAhead ahead = new ReadAhead(store, List.of("a"))) {
            assertThat(ahead.run("a")).isNotNull();
            Thread.sleep(500);
            assertThat(store.produced.get()).isLessThanOrEqualTo((long) (ReadAhead.CHUNKS + 2) * ReadAhead.CHUNK);
        }
    }

    @Test
    void aFailureReadingTheStoreIsThrownWhereTheImportReachesIt() {
        FakeStore store = new FakeStore(10);
        try (ReadAhead ahead = new ReadAhead(store, List.of("a", "broken", "b"))) {
            assertThat(ahead.run("a")).isNotNull();
            assertThat(history(ahead, "a")).hasSize(10);
            assertThatThrownBy(() -> ahead.run("broken")).isInstanceOf(RewindException.class)
                    .hasMessageContaining("run broken is damaged");
        }
    }

    @Test
    void closingBeforeEverythingWasAskedForStopsTheReading() {
        FakeStore store = new FakeStore(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ReadAhead ahead = new ReadAhead(store, List.of("a", "b", "c"));
            ahead.run("a");
            ahead.close();
        });
        long after = store.produced.get();
        assertThat(after).isLessThan(3_000_000);
    }

    @Test
    void askingOutOfThePlannedOrderIsAnError() {
        try (ReadAhead ahead = new ReadAhead(new FakeStore(1), List.of("a", "b"))) {
            assertThatThrownBy(() -> ahead.run("b")).isInstanceOf(IllegalStateException.class);
        }
    }
}
