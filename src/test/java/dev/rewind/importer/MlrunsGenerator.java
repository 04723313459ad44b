package dev.rewind.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes a synthetic mlruns/ folder: one experiment of RUNS runs, each with METRICS metrics of STEPS steps. */
public final class MlrunsGenerator {
    private MlrunsGenerator() {
    }

    public static Path generate(Path dir, int runs, int metrics, int steps, long seed) throws IOException {
        Random rnd = new Random(seed);
        Path root = Files.createDirectories(dir.resolve("mlruns"));
        Path exp = Files.createDirectories(root.resolve("123456789"));
        Files.writeString(exp.resolve("meta.yaml"), "artifact_location: file:///tmp/none\nexperiment_id: '123456789'\n"
                + "lifecycle_stage: active\nname: big-experiment\ncreation_time: 1700000000000\n");
        for (int r = 0; r < runs; r++) {
            String id = String.format("%032x", (long) r * 7919 + 1);
            Path run = Files.createDirectories(exp.resolve(id));
            long start = 1700000000000L + r * 60_000L;
            Files.writeString(run.resolve("meta.yaml"), "artifact_uri: file:///tmp/none\nend_time: " + (start + 50_000)
                    + "\nexperiment_id: '123456789'\nlifecycle_stage: active\nrun_id: " + id + "\nrun_name: run-" + r
                    + "\nrun_uuid: " + id + "\nsource_type: 4\nstart_time: " + start + "\nstatus: 3\nuser_id: gen\n");
            Path m = Files.createDirectories(run.resolve("metrics"));
            for (int k = 0; k < metrics; k++) {
                double v = rnd.nextDouble();
                try (BufferedWriter w = Files.newBufferedWriter(m.resolve("metric_" + k), StandardCharsets.UTF_8)) {
                    for (int s = 0; s < steps; s++) {
                        v += rnd.nextGaussian() * 0.01;
                        w.write((start + s) + " " + v + " " + s + "\n");
                    }
                }
            }
            Path p = Files.createDirectories(run.resolve("params"));
            Files.writeString(p.resolve("lr"), Double.toString(rnd.nextDouble() / 10));
        }
        return root;
    }
}
