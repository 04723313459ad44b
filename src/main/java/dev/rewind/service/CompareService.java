package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Comparison;
import dev.rewind.domain.Direction;
import dev.rewind.domain.MetricDelta;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Comparing versions' metrics, metric directions, and the comparison as CSV. */
public final class CompareService {
    private final Catalog catalog;

    public CompareService(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Compares the named versions of a model; the first one is the baseline. */
    public Comparison compare(String model, List<String> labels) {
        if (labels.isEmpty()) {
            throw RewindException.badInput("nothing to compare: give at least one version");
        }
        if (new LinkedHashSet<>(labels).size() != labels.size()) {
            throw RewindException.badInput("a version is named twice in the comparison");
        }
        return catalog.read(tx -> {
            List<Version> versions = new ArrayList<>();
            for (String l : labels) {
                versions.add(Lookups.version(tx, model, l));
            }
            return Comparison.of(model, versions, tx.directions().all());
        });
    }

    /** Sets whether higher or lower values of a metric key are better, for every model of the catalog. */
    public void setDirection(String key, Direction direction) {
        Names.require("metric key", key);
        catalog.write(tx -> {
            tx.directions().set(key, direction);
            return null;
        });
    }

    /** Directions set by people (keys not listed use the default from their name). */
    public Map<String, Direction> directions() {
        return catalog.read(tx -> tx.directions().all());
    }

    /** The comparison as CSV: metric, direction, a value per version, then delta, relative and verdict per version. */
    public static String csv(Comparison c) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("metric", "direction"));
        header.addAll(c.versions());
        for (int i = 1; i < c.versions().size(); i++) {
            String v = c.versions().get(i);
            header.addAll(List.of("delta " + v, "relative " + v, "verdict " + v));
        }
        line(sb, header);
        for (Comparison.Row r : c.rows()) {
            List<String> cells = new ArrayList<>(List.of(r.key(), r.direction().id()));
            r.values().forEach(x -> cells.add(number(x)));
            for (MetricDelta d : r.deltas()) {
                cells.add(number(d.absolute()));
                cells.add(number(d.relative()));
                cells.add(d.verdict().name().toLowerCase());
            }
            line(sb, cells);
        }
        return sb.toString();
    }

    /** Writes the CSV atomically (temp file, then rename), so a failed export leaves no half file. */
    public static void writeCsv(Comparison c, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw RewindException.badInput("cannot write " + file + ": the folder does not exist");
        }
        try {
            Path tmp = Files.createTempFile(dir, ".rewind-", ".csv");
            Files.writeString(tmp, csv(c), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw RewindException.badInput("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Missing values are empty cells; numbers keep full precision so they parse back exactly. */
    private static String number(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }
}
