package dev.rewind.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Comparison;
import dev.rewind.domain.Direction;
import dev.rewind.domain.MetricDelta;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    /** Quotes a cell only when it must (a separator, a quote, a line break, or a leading '#'). */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

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

    /**
     * The comparison as CSV (RFC 4180: CRLF line ends, a cell quoted when it holds a separator, quote or line
     * break): metric, direction, a value per version, then delta, relative and verdict per version. A text cell
     * that a spreadsheet would run as a formula ({@code = + - @}, tab or CR first) gets a leading {@code '} (OWASP);
     * numbers are never guarded, so {@code -0.5} stays a number.
     */
    public static String csv(Comparison c) {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("metric", "direction"));
        c.versions().forEach(v -> header.add(guard(v)));
        for (int i = 1; i < c.versions().size(); i++) {
            String v = c.versions().get(i);
            header.addAll(List.of(guard("delta " + v), guard("relative " + v), guard("verdict " + v)));
        }
        lines.add(header);
        for (Comparison.Row r : c.rows()) {
            List<String> cells = new ArrayList<>(List.of(guard(r.key()), r.direction().id()));
            r.values().forEach(x -> cells.add(number(x)));
            for (MetricDelta d : r.deltas()) {
                cells.add(number(d.absolute()));
                cells.add(number(d.relative()));
                cells.add(d.verdict().name().toLowerCase());
            }
            lines.add(cells);
        }
        try {
            return CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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

    /** A text cell a spreadsheet would read as a formula, defused by a leading apostrophe. */
    static String guard(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Missing values are empty cells; numbers keep full precision so they parse back exactly. */
    private static String number(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
