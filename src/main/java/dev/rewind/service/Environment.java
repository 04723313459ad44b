package dev.rewind.service;

import dev.rewind.domain.Actor;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who is acting, read from the operating system (overridable with REWIND_ACTOR / REWIND_HOST), and where the
 * log is.
 */
public final class Environment {
    private Environment() {
    }

    /** {@code ~/.rewind/catalog.db}: the catalog used when none is named; the window fills it with the demo. */
    public static Path defaultCatalog() {
        return Path.of(System.getProperty("user.home"), ".rewind", "catalog.db");
    }

    /**
     * The one place that says where the log is: {@code ~/.rewind/rewind.log}, beside the default catalog, where
     * someone looking for Rewind's files finds it (rotated at 2 MB, three files at most).
     */
    public static Path logFile() {
        return Path.of(System.getProperty("user.home"), ".rewind", "rewind.log");
    }

    public static Actor currentActor() {
        return currentActor(System.getenv());
    }

    public static Actor currentActor(Map<String, String> env) {
        String user = env.getOrDefault("REWIND_ACTOR", System.getProperty("user.name"));
        String host = env.get("REWIND_HOST");
        if (host == null) {
            host = env.get("HOSTNAME");
        }
        if (host == null) {
            host = hostFromSystem();
        }
        return new Actor(user, host);
    }

    private static String hostFromSystem() {
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String h = Files.readString(etc).strip();
                if (!h.isEmpty()) {
                    return h;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
