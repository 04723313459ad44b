package dev.rewind.importer.mlflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the runs an import will ask for, in the order it will ask for them, on a thread of its own while the import
 * writes the runs before: reading a store costs about as much as writing the catalog, and the two then overlap.
 * At most {@link #CHUNKS} chunks of {@link #CHUNK} values wait, so memory stays bounded whatever the store holds.
 * The import calls {@link #run} for each planned run id and, when that returns a run, {@link #history} for it, from
 * one thread and in the planned order. A failure reading the store is thrown where the import reaches that run, as
 * when reading directly. {@link #close} stops the reading; the store stays open for its opener to close.
 */
public final class ReadAhead implements MlflowStore {
    static final int CHUNK = 2_048;
    static final int CHUNKS = 16;

    private sealed interface Item {
    }

    private record RunRead(String runId, MlflowData.Run run) implements Item {
    }

    private record Points(List<MlflowData.Point> points) implements Item {
    }

    private record HistoryEnd() implements Item {
    }

    private record Failed(RuntimeException error) implements Item {
    }

    /** Unwinds the reading thread once the import has stopped listening. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final MlflowStore store;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private volatile boolean stopped;

    public ReadAhead(MlflowStore store, List<String> runIds) {
        this.store = store;
        List<String> plan = List.copyOf(runIds);
        this.reader = new Thread(() -> read(plan), "mlflow-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(List<String> plan) {
        try {
            for (String id : plan) {
                MlflowData.Run run = store.run(id);
                put(new RunRead(id, run));
                if (run != null) {
                    List<MlflowData.Point> chunk = new ArrayList<>(CHUNK);
                    store.history(id, p -> {
                        chunk.add(p);
                        if (chunk.size() == CHUNK) {
                            put(new Points(List.copyOf(chunk)));
                            chunk.clear();
                        }
                    });
                    put(new Points(List.copyOf(chunk)));
                    put(new HistoryEnd());
                }
            }
        } catch (Stopped e) {
            // the import ended early (refused, cancelled, failed): nothing more to read
        } catch (RuntimeException e) {
            try {
                put(new Failed(e));
            } catch (Stopped s) {
                System.getLogger(ReadAhead.class.getName()).log(System.Logger.Level.DEBUG,
                        "a read failure met after the import stopped", e);
            }
        }
    }

    private void put(Item item) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private Item take() {
        try {
            Item item = queue.take();
            if (item instanceof Failed f) {
                throw f.error();
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the MLflow store", e);
        }
    }

    @Override
    public MlflowData.Run run(String runId) {
        if (take() instanceof RunRead r && r.runId().equals(runId)) {
            return r.run();
        }
        throw new IllegalStateException("run " + runId + " asked for out of the planned order");
    }

    @Override
    public void history(String runId, Consumer<MlflowData.Point> sink) {
        for (Item item = take(); !(item instanceof HistoryEnd); item = take()) {
            if (!(item instanceof Points p)) {
                throw new IllegalStateException("history of run " + runId + " asked for out of the planned order");
            }
            p.points().forEach(sink);
        }
    }

    @Override
    public String source() {
        return store.source();
    }

    @Override
    public List<MlflowData.RegisteredModel> models() {
        return store.models();
    }

    /** Once every planned run has been asked for: waits for the reading to end, then names the broken entries met. */
    @Override
    public void throwIfBroken() {
        stopped = true; // nothing is left to read; a reader still waiting to hand a run over was given a wrong plan
        join();
        if (!queue.isEmpty()) {
            throw new IllegalStateException("planned runs of " + store.source() + " were never asked for");
        }
        store.throwIfBroken();
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
        join();
    }

    private void join() {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the MLflow store", e);
        }
    }
}
