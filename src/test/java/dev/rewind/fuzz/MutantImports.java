package dev.rewind.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.domain.ModelSummary;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;
import dev.rewind.importer.mlflow.MlflowReader;
import dev.rewind.service.Services;
import dev.rewind.support.CatalogDump;
import dev.rewind.support.HostileStrings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports mutants one by one, each into a fresh catalog in-process under a timeout, and checks what every import
 * owes whatever the damage: it ends; it imports or refuses with a one-line message naming the store and the problem
 * (no trace, no exception class, no raw control character); a refusal leaves the catalog as it was; the store's
 * bytes are unchanged; and nothing outside the store (the secret beside it, /etc/passwd) reaches the catalog.
 */
final class MutantImports {
    static final String SECRET = "REWIND-FUZZ-SECRET: this file lies outside the store";
    static final String CAP_PROPERTY = "rewind.import.maxFileBytes";
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("fuzz.timeoutSeconds", 10));
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|org|com|sun|dev)\\.[a-z]+\\.|\\w+(Exception|Error)\\b");

    private final Path work;
    private final Path template;
    private final String emptyCatalog;
    private final List<String> forbiddenTexts = new ArrayList<>();
    private final List<String> forbiddenHashes = new ArrayList<>();
    private int n;

    MutantImports(Path work) throws IOException {
        this.work = work;
        this.template = Files.createDirectories(work.resolve("template")).resolve("catalog.db");
        SqliteCatalog.open(template, true).close();
        this.emptyCatalog = CatalogDump.of(template);
        forbiddenTexts.add(SECRET);
        forbiddenHashes.add(StoreTree.sha256(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path passwd = Path.of("/etc/passwd");
        if (Files.isReadable(passwd) && Files.size(passwd) > 0) {
            byte[] b = Files.readAllBytes(passwd);
            forbiddenHashes.add(StoreTree.sha256(b));
            forbiddenTexts.add(new String(b, java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        }
    }

    /** A fresh folder for the next mutant's store, with the secret planted beside it (outside the store). */
    Path nextFolder() throws IOException {
        Path slot = Files.createDirectories(work.resolve("m" + ++n));
        Files.writeString(slot.resolve("secret.txt"), SECRET);
        return Files.createDirectories(slot.resolve("store"));
    }

    /** Imports a store into a fresh catalog and checks it; true when it was imported, false when refused. */
    boolean check(Mutant m) throws Exception {
        Map<String, String> before = StoreTree.fingerprint(m.root());
        Path catalogDir = Files.createDirectories(work.resolve("c" + n));
        Path db = catalogDir.resolve("catalog.db");
        Files.copy(template, db);
        RewindException refusal;
        List<Version> versions = new ArrayList<>();
        try (SqliteCatalog catalog = SqliteCatalog.open(db, false)) {
            Services services = new Services(catalog, new Actor("fuzz", "fuzz-host"), Clock.systemUTC());
            refusal = assertTimeoutPreemptively(TIMEOUT, () -> attempt(services, m),
                    () -> m + " did not end within " + TIMEOUT.toSeconds() + " s");
            if (refusal == null) {
                for (ModelSummary s : services.registry().models()) {
                    versions.addAll(services.registry().versions(s.name()));
                }
            }
        }
        assertThat(StoreTree.fingerprint(m.root())).as("%s: the store is left byte-identical", m).isEqualTo(before);
        String after = CatalogDump.of(db);
        if (refusal != null) {
            checkRefusal(m, refusal, after);
        } else {
            checkImport(m, versions, after);
        }
        StoreTree.delete(catalogDir);
        StoreTree.delete(work.resolve("m" + n));
        return refusal == null;
    }

    private static RewindException attempt(Services services, Mutant m) {
        if (m.maxFileBytes() > 0) {
            System.setProperty(CAP_PROPERTY, Long.toString(m.maxFileBytes()));
        }
        try {
            services.importer().importMlflow(m.store(), null, MlflowReader.Progress.NONE);
            return null;
        } catch (RewindException e) {
            return e;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(m + ": the import failed with " + e + " instead of a refusal", e);
        } finally {
            System.clearProperty(CAP_PROPERTY);
        }
    }

    private void checkRefusal(Mutant m, RewindException e, String catalogAfter) {
        String msg = e.getMessage();
        if (m.expect() == Mutant.Expect.IMPORTED) {
            fail(m + ": was refused but must import: " + msg, e);
        }
        String prefix = "cannot import " + m.store().toAbsolutePath().normalize() + ": ";
        assertThat(msg).as("%s: the refusal names the store", m).startsWith(prefix);
        assertThat(msg.substring(prefix.length()).strip()).as("%s: and the problem", m).hasSizeGreaterThan(8);
        assertThat(msg).as("%s: one line", m).doesNotContain("\n", "\r", "\tat ");
        assertThat(HostileStrings.hasRawControl(msg)).as("%s: no raw control character in %s", m, msg).isFalse();
        assertThat(CLASS_NAME.matcher(msg).find()).as("%s: no exception class in %s", m, msg).isFalse();
        assertThat(catalogAfter).as("%s: a refusal leaves the catalog as it was", m).isEqualTo(emptyCatalog);
        assertThat(msg).as("%s: nothing from outside the store is echoed", m).doesNotContain(forbiddenTexts);
    }

    private void checkImport(Mutant m, List<Version> versions, String catalogAfter) throws IOException {
        if (m.expect() == Mutant.Expect.REFUSED) {
            fail(m + ": was imported but must be refused");
        }
        for (String text : forbiddenTexts) {
            assertThat(catalogAfter).as("%s: text from outside the store reached the catalog", m).doesNotContain(text);
        }
        for (Version v : versions) {
            String sha = v.artifact() == null ? null : v.artifact().sha256();
            if (sha != null) {
                assertThat(forbiddenHashes).as("%s: %s %s hashed a file outside the store", m, v.model(), v.label())
                        .doesNotContain(sha);
                assertThat(insideStore(v.artifact().uri(), m)).as("%s: %s %s's artifact %s was hashed though it is"
                        + " not inside the store", m, v.model(), v.label(), v.artifact().uri()).isTrue();
            }
        }
    }

    /** Where a version's URI points, resolved the way MLflow writes relative sources (from the store's folder). */
    private static boolean insideStore(String uri, Mutant m) {
        try {
            Path p;
            if (uri.startsWith("file:")) {
                p = Path.of(URI.create(uri));
            } else if (uri.contains(":")) {
                return false;
            } else {
                p = Path.of(uri);
                p = p.isAbsolute() ? p : m.store().toAbsolutePath().getParent().resolve(p);
            }
            return p.toRealPath().startsWith(m.root().toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
