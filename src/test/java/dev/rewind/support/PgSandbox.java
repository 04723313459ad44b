package dev.rewind.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One throwaway PostgreSQL cluster per test JVM, started by {@code scripts/pg-sandbox.sh} the first time a test asks
 * for it and stopped when the JVM's tests end. Tests take a {@link PgSandbox.Server} parameter and ask it for a fresh
 * database each. Where PostgreSQL is not installed the tests that need it are skipped, with the reason printed once.
 */
public final class PgSandbox implements ParameterResolver, TestWatcher {
    public static final Path BIN = Path.of(System.getProperty("rewind.pgBin", "/usr/lib/postgresql/15/bin"));
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PgSandbox.class);

    /**
     * The running cluster; {@link #newDatabase} gives every test a database of its own. AutoCloseable too: JUnit 5.14
     * warns about a store value that is only a CloseableResource.
     */
    public static final class Server implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Path dir;
        private final String url;
        private final long startedNanos = System.nanoTime();
        private final AtomicInteger databases = new AtomicInteger();
        private final AtomicInteger passed = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        private Server(Path dir, String url) {
            this.dir = dir;
            this.url = url;
        }

        /** The cluster's folder (its data directory is {@code data} inside). */
        public Path dir() {
            return dir;
        }

        /** {@code postgresql://rewind@127.0.0.1:PORT/NAME} of a new, empty database. */
        public String newDatabase() {
            String name = "t" + databases.incrementAndGet();
            try (Connection c = DriverManager.getConnection(jdbc(url)); Statement st = c.createStatement()) {
                st.executeUpdate("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create a test database", e);
            }
            return url.substring(0, url.lastIndexOf('/') + 1) + name;
        }

        /** The JDBC form of a sandbox URL (trust authentication, so no password). */
        public static String jdbc(String url) {
            return "jdbc:" + url.replaceFirst("^postgresql://rewind@", "postgresql://") + "?user=rewind";
        }

        @Override
        public void close() throws IOException, InterruptedException {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
            System.out.printf("PostgreSQL tests: %d ran, %d passed, %d failed; cluster up %d s%n",
                    passed.get() + failed.get(), passed.get(), failed.get(), seconds);
            run("stop", dir.toString());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Server server = server(context);
        context.getStore(NS).put("uses", Boolean.TRUE);
        return server;
    }

    /** The cluster, started on first use; the test is skipped (aborted) when PostgreSQL is not installed. */
    public static Server server(ExtensionContext context) {
        Assumptions.assumeTrue(available(), () -> reasonOnce());
        context.getStore(NS).put("uses", Boolean.TRUE);
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(Server.class, k -> start(), Server.class);
    }

    public static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    private static volatile boolean reasonPrinted;

    private static String reasonOnce() {
        String reason = "PostgreSQL tests skipped: no initdb/pg_ctl in " + BIN + " (apt-get install postgresql)";
        if (!reasonPrinted) {
            reasonPrinted = true;
            System.out.println(reason);
        }
        return reason;
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        count(context, true);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        count(context, false);
    }

    /** A test counts when it took the server as a parameter, or ran on the PostgreSQL {@link CatalogBackend}. */
    private static void count(ExtensionContext context, boolean ok) {
        if (context.getStore(NS).get("uses") == null && !context.getDisplayName().contains("PostgreSQL")) {
            return;
        }
        Server s = context.getRoot().getStore(NS).get(Server.class, Server.class);
        if (s != null) {
            (ok ? s.passed : s.failed).incrementAndGet();
        }
    }

    private static Server start() {
        try {
            Path dir = Files.createTempDirectory("rewind-pg-test");
            String url = run("start", dir.toString());
            return new Server(dir, url);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not start the PostgreSQL sandbox", e);
        }
    }

    private static String run(String... args) throws IOException, InterruptedException {
        Path script = Path.of("scripts/pg-sandbox.sh").toAbsolutePath();
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("pg-sandbox.sh " + args[0] + " did not finish in 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("pg-sandbox.sh " + args[0] + " failed (exit " + p.exitValue() + ")");
        }
        return out;
    }
}
