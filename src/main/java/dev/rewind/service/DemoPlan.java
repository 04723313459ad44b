package dev.rewind.service;

import dev.rewind.domain.MetricValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The demo as data: a time-ordered list of things people did. */
record DemoPlan(List<Step> steps) {
    sealed interface Step permits Register, Tag, AddTarget, Move {
        Instant at();
    }

    record Register(String model, String label, Instant at, String author, String host, String description,
                    String sourceRun, String parent, List<MetricValue> metrics, Map<String, String> params,
                    byte[] artifactBytes) implements Step {
    }

    record Tag(String model, String label, String key, String value, String reason, Instant at, String author,
               String host) implements Step {
    }

    /** {@code serving}: give the target a serving directory beside the catalog. */
    record AddTarget(String model, String target, boolean serving, Instant at, String author, String host)
            implements Step {
        /** Demo catalogs (and Learn sandboxes) protect production, as a careful team would. */
        boolean protectedTarget() {
            return "production".equals(target);
        }
    }

    record Move(String model, String target, boolean rollback, String label, String reason, Instant at,
                String author, String host) implements Step {
    }

    private static final String[] PEOPLE = {"ana", "bruno", "chen", "dara", "emeka", "farah"};
    private static final String[] HOSTS = {"ml-train-01", "ml-train-02", "ana-laptop", "ci-runner-3"};

    static DemoPlan small(Instant now, long seed) {
        Random rnd = new Random(seed);
        List<Step> steps = new ArrayList<>();
        fraudDetector(now, rnd, steps);
        drifting(now, rnd, steps, "churn-predictor", 36, 240, new String[] {"auc", "accuracy", "log_loss",
                "latency_ms"}, new double[] {0.78, 0.81, 0.52, 18});
        drifting(now, rnd, steps, "image-classifier", 8, 150, new String[] {"top1_accuracy", "top5_accuracy",
                "val_loss", "latency_ms"}, new double[] {0.71, 0.90, 1.21, 42});
        drifting(now, rnd, steps, "search-ranker", 5, 90, new String[] {"ndcg_at_10", "mrr", "p99_latency_ms"},
                new double[] {0.41, 0.36, 85});
        steps.sort(Comparator.comparing(Step::at));
        return new DemoPlan(steps);
    }

    private static void fraudDetector(Instant now, Random rnd, List<Step> steps) {
        String m = "fraud-detector";
        Object[][] versions = {
            // label, days ago, auc, precision, recall, live false-positive rate, latency ms, description
            {"1.0.0", 62.0, 0.912, 0.830, 0.710, 0.021, 11.0, "Gradient-boosted trees on 48 transaction features."},
            {"1.1.0", 34.0, 0.925, 0.846, 0.738, 0.018, 12.0, "Adds merchant-category embeddings; retrained on Q3."},
            {"2.0.0", 9.0, 0.951, 0.872, 0.801, 0.064, 31.0,
                "Transformer over transaction sequences: best offline AUC so far."},
        };
        String parent = null;
        for (Object[] v : versions) {
            String label = (String) v[0];
            Instant at = DemoService.daysBefore(now, (Double) v[1]);
            List<MetricValue> ms = new ArrayList<>();
            ms.add(MetricValue.summary("auc", (Double) v[2]));
            ms.add(MetricValue.summary("precision", (Double) v[3]));
            ms.add(MetricValue.summary("recall", (Double) v[4]));
            ms.add(MetricValue.summary("live_false_positive_rate", (Double) v[5]));
            ms.add(MetricValue.summary("latency_ms", (Double) v[6]));
            double finalLoss = 0.42 - (Double) v[2] * 0.3;
            ms.add(MetricValue.summary("val_loss", finalLoss));
            ms.addAll(DemoService.curve("val_loss", rnd, 0.69, finalLoss, 30));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("learning_rate", label.startsWith("2") ? "0.0003" : "0.05");
            params.put("max_depth", label.startsWith("2") ? "-" : "8");
            params.put("train_rows", label.equals("1.0.0") ? "4200000" : "5100000");
            steps.add(new Register(m, label, at, label.startsWith("2") ? "chen" : "ana", "ml-train-01",
                    (String) v[7], "run-" + Integer.toHexString(label.hashCode()), parent, ms, params,
                    bytes(m, label, rnd)));
            parent = label;
        }
        Instant t0 = DemoService.daysBefore(now, 61.5);
        steps.add(new AddTarget(m, "production", true, t0, "ana", "ana-laptop"));
        steps.add(new AddTarget(m, "staging", false, t0.plusSeconds(60), "ana", "ana-laptop"));
        steps.add(new Move(m, "staging", false, "1.0.0", "First candidate for shadow traffic",
                DemoService.daysBefore(now, 61.2), "ana", "ana-laptop"));
        steps.add(new Move(m, "production", false, "1.0.0", "Launch: replaces the rules engine",
                DemoService.daysBefore(now, 59.8), "ana", "ana-laptop"));
        steps.add(new Move(m, "staging", false, "1.1.0", "Merchant embeddings in shadow",
                DemoService.daysBefore(now, 33.6), "ana", "ml-train-01"));
        steps.add(new Move(m, "production", false, "1.1.0", "+1.3 pt AUC in a week of shadow traffic",
                DemoService.daysBefore(now, 31.1), "bruno", "ana-laptop"));
        steps.add(new Move(m, "staging", false, "2.0.0", "Transformer candidate",
                DemoService.daysBefore(now, 8.7), "chen", "ml-train-01"));
        steps.add(new Move(m, "production", false, "2.0.0", "Best offline AUC so far (0.951)",
                DemoService.daysBefore(now, 6.9), "chen", "ml-train-01"));
        steps.add(new Tag(m, "1.1.0", "stable", null, "Two weeks in production without incident",
                DemoService.daysBefore(now, 18), "bruno", "ana-laptop"));
        steps.add(new Tag(m, "2.0.0", "owner", "chen", null, DemoService.daysBefore(now, 8.9), "chen", "ml-train-01"));
    }

    private static void drifting(Instant now, Random rnd, List<Step> steps, String model, int count, double spanDays,
                                 String[] keys, double[] base) {
        double[] value = base.clone();
        String parent = null;
        Instant start = DemoService.daysBefore(now, spanDays + 1);
        steps.add(new AddTarget(model, "production", false, start, "dara", "ana-laptop"));
        steps.add(new AddTarget(model, "staging", false, start.plusSeconds(30), "dara", "ana-laptop"));
        String live = null;
        for (int i = 0; i < count; i++) {
            String label = (i / 10) + "." + (i % 10) + ".0";
            Instant at = DemoService.daysBefore(now, spanDays * (count - i) / count + rnd.nextDouble() * 0.5);
            String mover = PEOPLE[rnd.nextInt(PEOPLE.length)];
            steps.add(new Move(model, "staging", false, label, "Nightly promotion to staging", at.plusSeconds(3_600),
                    "ci-bot", "ci-runner-3"));
            if (i % 11 == 6) {
                steps.add(new Move(model, "production", false, label, "Promote after staging checks",
                        at.plusSeconds(20_000), mover, "ana-laptop"));
                steps.add(new Move(model, "production", true, live, "Alert: live metric dropped; rolling back",
                        at.plusSeconds(60_000), PEOPLE[rnd.nextInt(PEOPLE.length)], "oncall-laptop"));
            } else if (i % 4 == 0 || i == count - 1) {
                steps.add(new Move(model, "production", false, label, "Promote after staging checks",
                        at.plusSeconds(20_000), mover, "ana-laptop"));
                live = label;
            }
            List<MetricValue> ms = new ArrayList<>();
            for (int k = 0; k < keys.length; k++) {
                boolean lower = dev.rewind.domain.Direction.defaultFor(keys[k]) == dev.rewind.domain.Direction.LOWER;
                double drift = (lower ? -1 : 1) * Math.abs(value[k]) * 0.004 + rnd.nextGaussian() * Math.abs(value[k]) * 0.01;
                value[k] += drift;
                ms.add(MetricValue.summary(keys[k], round(value[k])));
            }
            String lossKey = keys[2].contains("loss") ? keys[2] : "train_loss";
            ms.addAll(DemoService.curve(lossKey, rnd, 1.2, Math.max(0.05, value[2] * (lossKey.equals(keys[2]) ? 1 : 0.5)), 25));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("learning_rate", String.valueOf(round(0.01 + rnd.nextDouble() * 0.05)));
            params.put("epochs", String.valueOf(10 + rnd.nextInt(40)));
            String author = PEOPLE[rnd.nextInt(PEOPLE.length)];
            steps.add(new Register(model, label, at, author, HOSTS[rnd.nextInt(HOSTS.length)],
                    "Scheduled retrain #" + (i + 1), "run-" + Long.toHexString(rnd.nextLong() & 0xffffffffL), parent,
                    ms, params, bytes(model, label, rnd)));
            if (i % 7 == 3) {
                steps.add(new Tag(model, label, "stable", null, "Passed a week of shadow traffic", at.plusSeconds(86_400 * 3),
                        PEOPLE[rnd.nextInt(PEOPLE.length)], "ana-laptop"));
            }
            if (i % 11 == 6) {
                steps.add(new Tag(model, label, "failed", null, "Regressed on live traffic", at.plusSeconds(86_400),
                        PEOPLE[rnd.nextInt(PEOPLE.length)], "ana-laptop"));
            }
            parent = label;
        }
    }

    static DemoPlan large(Instant now, long seed) {
        Random rnd = new Random(seed);
        String[] keys = {"auc", "accuracy", "precision", "recall", "f1", "log_loss", "rmse", "mae", "latency_ms",
            "p99_latency_ms", "throughput_qps", "calibration_error", "coverage", "ndcg_at_10", "mrr", "hit_rate",
            "train_time_s", "model_size_mb", "drift_score", "fairness_gap"};
        List<Step> steps = new ArrayList<>(100_000);
        int models = 1000;
        int remaining = 80_000;
        for (int m = 0; m < models; m++) {
            String name = m == 0 ? "recsys-ranker-xl" : String.format("model-%04d", m);
            int count = m == 0 ? 20_000 : remaining / (models - m);
            if (m > 0) {
                remaining -= count;
            }
            double span = 700;
            double[] v = new double[keys.length];
            for (int k = 0; k < keys.length; k++) {
                v[k] = 0.5 + rnd.nextDouble() * 0.4;
            }
            steps.add(new AddTarget(name, "production", false, DemoService.daysBefore(now, span + 1), "ana", "h"));
            for (int i = 0; i < count; i++) {
                List<MetricValue> ms = new ArrayList<>(keys.length);
                for (int k = 0; k < keys.length; k++) {
                    v[k] += rnd.nextGaussian() * 0.003;
                    ms.add(MetricValue.summary(keys[k], v[k]));
                }
                Instant at = DemoService.daysBefore(now, span * (count - i) / count);
                String label = (i / 100) + "." + (i % 100) + "." + (i % 3);
                steps.add(new Register(name, label, at, PEOPLE[(m + i) % PEOPLE.length], HOSTS[i % HOSTS.length],
                        null, null, null, ms, Map.of("seed", Integer.toString(i)), null));
                if (i % 10 == 0 || i == count - 1) {
                    steps.add(new Move(name, "production", false, label, "scheduled promotion", at.plusSeconds(600),
                            PEOPLE[i % PEOPLE.length], "ci-runner-3"));
                }
            }
        }
        steps.sort(Comparator.comparing(Step::at));
        return new DemoPlan(steps);
    }

    private static byte[] bytes(String model, String label, Random rnd) {
        byte[] head = ("rewind demo artifact: " + model + " " + label + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[512 + rnd.nextInt(2048)];
        rnd.nextBytes(body);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
