package dev.rewind.catalog.sqlite;

import dev.rewind.domain.RewindException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Numbered schema scripts; the number applied last is kept in {@code PRAGMA user_version}. */
public final class Migrations {
    /** 'RWND': marks the file as a Rewind catalog. */
    static final int APPLICATION_ID = 0x52574e44;
    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__provenance.sql", "V3__move_policy.sql",
            "V4__proofs.sql", "V5__chain.sql", "V6__retire.sql", "V7__effective_time.sql", "V8__target_kinds.sql");
    public static final int CURRENT = SCRIPTS.size();

    private Migrations() {
    }

    static void migrate(Connection c, Path file) throws SQLException {
        int version;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > CURRENT) {
            throw RewindException.unreadable("cannot open catalog " + file + ": it was written by a newer Rewind"
                    + " (catalog schema " + version + ", this Rewind reads up to " + CURRENT + ")");
        }
        if (version == CURRENT) {
            return;
        }
        Transactions.exec(c, Transactions.BEGIN_WRITE);
        try (Statement st = c.createStatement()) {
            int found;
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                found = rs.next() ? rs.getInt(1) : 0;
            }
            if (found != version) {
                // another process migrated meanwhile
                Transactions.exec(c, "ROLLBACK");
                migrate(c, file);
                return;
            }
            for (int v = version; v < CURRENT; v++) {
                for (String sql : statements(SCRIPTS.get(v))) {
                    st.executeUpdate(sql);
                }
            }
            st.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
            st.executeUpdate("PRAGMA user_version = " + CURRENT);
            Transactions.exec(c, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            Transactions.exec(c, "ROLLBACK");
            throw e;
        }
    }

    /**
     * The tables the scripts up to {@code version} leave behind, so a catalog missing one is known to be damaged.
     * A script may build a table under a working name and rename it, or keep rows aside in a table it drops.
     */
    static List<String> tablesUpTo(int version) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        java.util.regex.Pattern create = java.util.regex.Pattern.compile(
                "(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)\"?");
        java.util.regex.Pattern drop = java.util.regex.Pattern.compile(
                "(?is)^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?\"?(\\w+)\"?");
        java.util.regex.Pattern rename = java.util.regex.Pattern.compile(
                "(?is)^\\s*ALTER\\s+TABLE\\s+\"?(\\w+)\"?\\s+RENAME\\s+TO\\s+\"?(\\w+)\"?");
        for (int v = 0; v < Math.min(version, SCRIPTS.size()); v++) {
            for (String sql : statements(SCRIPTS.get(v))) {
                java.util.regex.Matcher m = create.matcher(sql);
                java.util.regex.Matcher d = drop.matcher(sql);
                java.util.regex.Matcher r = rename.matcher(sql);
                if (m.find()) {
                    out.add(m.group(1));
                } else if (d.find()) {
                    out.remove(d.group(1));
                } else if (r.find()) {
                    out.remove(r.group(1));
                    out.add(r.group(2));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Splits a script into statements; a trigger body ends only at its END. */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream("/dev/rewind/catalog/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (current.length() == 0 && trimmed.toUpperCase().startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            current.append(line).append('\n');
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
                out.add(current.toString());
                current.setLength(0);
                inTrigger = false;
            }
        }
        return out;
    }
}
