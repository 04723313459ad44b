package dev.rewind.catalog.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two reads of one catalog run side by side (a model's versions beside its lanes), each on its own connection. */
class ReadersTest {
    @TempDir
    Path dir;

    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);

    @org.junit.jupiter.api.AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aSecondReadIsAnsweredWhileTheFirstIsStillRunning() throws Exception {
        try (SqliteCatalog c = SqliteCatalog.open(dir.resolve("c.db"), true)) {
            c.write(tx -> tx.models().insert("m", Instant.EPOCH));
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // held open until the second read has been answered: one connection would deadlock here
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> c.read(tx ->
                    hold(inside, release) && tx.models().id("m").isPresent()), threads);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
                    () -> c.read(tx -> tx.models().id("m").isPresent()), threads);
            assertThat(second.get(10, TimeUnit.SECONDS)).as("answered beside the first").isTrue();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            // and the first connection is free again for a read after both
            boolean again = c.read(tx -> tx.models().id("m").isPresent());
            assertThat(again).isTrue();
        }
    }

    @Test
    void aReadOnlyCatalogReadsSideBySideToo() throws Exception {
        Path db = dir.resolve("r.db");
        try (SqliteCatalog c = SqliteCatalog.open(db, true)) {
            c.write(tx -> tx.models().insert("m", Instant.EPOCH));
        }
        try (SqliteCatalog c = SqliteCatalog.openReadOnly(db)) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> c.read(tx -> hold(inside, release)),
                    threads);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(CompletableFuture.supplyAsync(() -> c.read(tx -> tx.models().id("m").isPresent()), threads)
                    .get(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aReadWaitingWhileBothAreBusyTakesWhicheverComesFreeFirst() throws Exception {
        try (SqliteCatalog c = SqliteCatalog.open(dir.resolve("c.db"), true)) {
            c.write(tx -> tx.models().insert("m", Instant.EPOCH));
            CountDownLatch longInside = new CountDownLatch(1);
            CountDownLatch longRelease = new CountDownLatch(1);
            CountDownLatch shortInside = new CountDownLatch(1);
            CountDownLatch shortRelease = new CountDownLatch(1);
            CompletableFuture<Boolean> longRead = CompletableFuture.supplyAsync(() -> c.read(tx ->
                    hold(longInside, longRelease)), threads);
            assertThat(longInside.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> shortRead = CompletableFuture.supplyAsync(() -> c.read(tx ->
                    hold(shortInside, shortRelease)), threads);
            assertThat(shortInside.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
                    () -> c.read(tx -> tx.models().id("m").isPresent()), threads);
            Thread.sleep(100); // it is waiting now: both connections are held
            assertThat(waiting).isNotDone();
            shortRelease.countDown();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).as("answered while the long read still holds its connection")
                    .isTrue();
            assertThat(longRead).isNotDone();
            longRelease.countDown();
            assertThat(longRead.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(shortRead.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static boolean hold(CountDownLatch inside, CountDownLatch release) {
        inside.countDown();
        try {
            return release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
