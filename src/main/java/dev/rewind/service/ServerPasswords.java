package dev.rewind.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords typed into "Connect to PostgreSQL…", kept in memory only, by address, for as long as the window runs:
 * never in preferences, recent catalogs, the title or a log. A server opened without one takes {@code PGPASSWORD}
 * or the driver's {@code ~/.pgpass}.
 */
public final class ServerPasswords {
    private final Map<String, String> byAddress = new ConcurrentHashMap<>();

    /** Keeps the login's password for its address; an empty one forgets any typed before. */
    public void remember(ServerLogin login) {
        if (login.password().isEmpty()) {
            byAddress.remove(key(login.address()));
        } else {
            byAddress.put(key(login.address()), login.password());
        }
    }

    /** {@code base} with PGPASSWORD set to the password typed for {@code catalog}, if one was. */
    public Map<String, String> environment(Map<String, String> base, String catalog) {
        String typed = byAddress.get(key(catalog));
        if (typed == null) {
            return base;
        }
        Map<String, String> env = new HashMap<>(base);
        env.put("PGPASSWORD", typed);
        return env;
    }

    private static String key(String catalog) {
        return catalog.replaceFirst("^postgresql:/+", "postgresql://");
    }
}
