package dev.rewind.catalog.postgres;

import dev.rewind.domain.RewindException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL catalog lives: {@code postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB[?PARAMS]}. The password
 * comes from the address, else {@code PGPASSWORD}, else the driver reads {@code ~/.pgpass}; it is kept out of
 * {@link #toString()}, which is the only form messages and logs show. The parameters (sslmode, sslrootcert…)
 * pass through to the driver.
 */
public record PgAddress(String user, String password, String host, int port, String database, String params) {
    public static final String SCHEME = "postgresql://";
    private static final Pattern URL = Pattern.compile(
            "postgresql://(?:([^:@/]*)(?::([^@/]*))?@)?(\\[[^\\]]+\\]|[^:/?@\\[]+)(?::(\\d{1,5}))?/([^?/]+)(?:\\?(.*))?");

    /** Whether a --catalog value names a PostgreSQL catalog rather than a file. */
    public static boolean isAddress(String catalog) {
        return catalog != null && catalog.startsWith(SCHEME);
    }

    public static PgAddress parse(String url, Map<String, String> env) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw RewindException.badInput("not a PostgreSQL catalog address: " + redact(url)
                    + " (expected postgresql://HOST[:PORT]/DATABASE)");
        }
        String user = decode(m.group(1));
        String password = m.group(2) != null ? decode(m.group(2)) : env.get("PGPASSWORD");
        int port = m.group(4) == null ? 5432 : Integer.parseInt(m.group(4));
        if (user == null || user.isEmpty()) {
            user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        return new PgAddress(user, password, m.group(3), port, decode(m.group(5)), m.group(6));
    }

    /** The address without its password, for a message about an address that could not even be parsed. */
    static String redact(String url) {
        return url.replaceFirst("^(postgresql://[^:@/]*):[^@/]*@", "$1:***@");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (params == null ? "" : "?" + params);
    }

    Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "rewind");
        // a value bound as text takes the column's type, as SQLite's dynamic typing lets it
        p.setProperty("stringtype", "unspecified");
        return p;
    }

    /** The folder on this machine for what belongs beside a catalog file: artifacts, serving dirs, the head file. */
    Path localFolder(Path root) {
        return root.resolve((host + "-" + port + "-" + database).replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    @Override
    public String toString() {
        return SCHEME + user + "@" + host + ":" + port + "/" + database;
    }

    private static String decode(String s) {
        return s == null ? null : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
