package dev.rewind.support;

import dev.rewind.catalog.EventChain;
import dev.rewind.catalog.EventRecord;
import dev.rewind.domain.EventKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What an attacker with write access to the catalog file does: raw SQL, triggers dropped and put back. */
public final class Tamper {
    private Tamper() {
    }

    /** Drops every trigger, runs {@code sql}, and re-creates the triggers exactly as they were. */
    public static void withTriggersDropped(Path db, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            List<String[]> triggers = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
                while (rs.next()) {
                    triggers.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] t : triggers) {
                st.executeUpdate("DROP TRIGGER " + t[0]);
            }
            try {
                for (String s : sql) {
                    st.executeUpdate(s);
                }
            } finally {
                for (String[] t : triggers) {
                    st.executeUpdate(t[1]);
                }
            }
        }
    }

    /** Recomputes the hash of every event from {@code fromId} on so that the chain links again. */
    public static void rechain(Path db, long fromId) throws SQLException {
        List<EventRecord> events = events(db);
        List<String> updates = new ArrayList<>();
        String previous = EventChain.GENESIS;
        for (EventRecord e : events) {
            if (e.id() >= fromId) {
                EventRecord fixed = new EventRecord(e.id(), e.at(), e.kind(), e.modelId(), e.targetId(), e.versionId(),
                        e.fromVersionId(), e.toVersionId(), e.tagKey(), e.tagValue(), e.reason(), e.actor(), e.host(),
                        previous, null, e.overrides(), e.factsDigest(), e.keyId(), e.signature(), e.effectiveAt());
                String hash = EventChain.hash(fixed);
                updates.add("UPDATE events SET prev_hash = '" + previous + "', hash = '" + hash + "' WHERE id = " + e.id());
                previous = hash;
            } else {
                previous = e.hash();
            }
        }
        withTriggersDropped(db, updates.toArray(String[]::new));
    }

    public static List<EventRecord> events(Path db) throws SQLException {
        List<EventRecord> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("SELECT * FROM events ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new EventRecord(rs.getLong("id"), rs.getLong("at"), EventKind.parse(rs.getString("kind")),
                        longOrNull(rs, "model_id"), longOrNull(rs, "target_id"), longOrNull(rs, "version_id"),
                        longOrNull(rs, "from_version_id"), longOrNull(rs, "to_version_id"), rs.getString("tag_key"),
                        rs.getString("tag_value"), rs.getString("reason"), rs.getString("actor"), rs.getString("host"),
                        rs.getString("prev_hash"), rs.getString("hash"), optional(rs, "overrides"), optional(rs, "facts_digest"),
                        optional(rs, "key_id"), optional(rs, "signature"), effective(rs)));
            }
        }
        return out;
    }

    public static String one(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Columns of schemas 3 and 5, absent from a catalog made to look older. */
    private static String optional(ResultSet rs, String column) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (md.getColumnName(i).equals(column)) {
                return rs.getString(i);
            }
        }
        return null;
    }

    /** Schema 7's effective time, absent from older catalogs. */
    private static Long effective(ResultSet rs) throws SQLException {
        String v = optional(rs, "effective_at");
        return v == null ? null : Long.valueOf(v);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
