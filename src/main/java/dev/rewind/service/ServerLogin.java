package dev.rewind.service;

import dev.rewind.domain.RewindException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What "Connect to PostgreSQL…" asks for. {@link #address()} is the catalog's name everywhere it is shown or kept
 * (status bar, recent catalogs): it never holds the password, which only {@link ServerPasswords} keeps, in memory.
 */
public record ServerLogin(String host, int port, String database, String user, String password, String sslmode) {
    /** libpq's sslmode values, passed through to the driver; "" leaves the driver's default. */
    public static final List<String> SSL_MODES = List.of("", "disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    private static final String SCHEME = "postgresql:/";

    public ServerLogin {
        password = password == null ? "" : password;
        sslmode = sslmode == null ? "" : sslmode;
    }

    /** The dialog's fields as typed, checked; a mistake is refused in one line that names the field. */
    public static ServerLogin of(String host, String port, String database, String user, String password,
                                 String sslmode) {
        String h = host == null ? "" : host.strip();
        String d = database == null ? "" : database.strip();
        String u = user == null ? "" : user.strip();
        if (h.isEmpty() || h.matches(".*[\\s/?@].*")) {
            throw RewindException.badInput("host: give a server name or IP address, such as db.example.com");
        }
        if (d.isEmpty() || d.contains("/") || d.contains("?")) {
            throw RewindException.badInput("database: give the name of the catalog's database");
        }
        if (u.isEmpty()) {
            throw RewindException.badInput("user: give the PostgreSQL user to connect as");
        }
        int p;
        try {
            p = port == null || port.isBlank() ? 5432 : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            throw RewindException.badInput("port: give a number from 1 to 65535 (PostgreSQL's usual one is 5432)");
        }
        if (sslmode != null && !SSL_MODES.contains(sslmode)) {
            throw RewindException.badInput("sslmode: one of " + String.join(", ", SSL_MODES.subList(1, SSL_MODES.size())));
        }
        return new ServerLogin(h, p, d, u, password, sslmode);
    }

    /** Whether a catalog name is a server address rather than a file (a path folds its "//" to one "/"). */
    public static boolean isAddress(String catalog) {
        return catalog != null && catalog.startsWith(SCHEME);
    }

    /** A server address as typed or kept, with the "//" a path folds restored and any password left out. */
    public static String withoutPassword(String catalog) {
        return catalog.replaceFirst("^postgresql:/+", "postgresql://")
                .replaceFirst("^(postgresql://[^:@/]*):[^@/]*@", "$1@");
    }

    /** {@code postgresql://USER@HOST:PORT/DB[?sslmode=…]}, without the password. */
    public String address() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "postgresql://" + encode(user) + "@" + h + ":" + port + "/" + encode(database)
                + (sslmode.isEmpty() ? "" : "?sslmode=" + sslmode);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return address();
    }
}
