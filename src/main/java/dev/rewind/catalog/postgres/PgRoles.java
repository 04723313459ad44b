package dev.rewind.catalog.postgres;

import dev.rewind.domain.Abilities;
import dev.rewind.domain.RolesSetup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The team roles: made once per cluster (they are cluster-wide), granted per catalog. Grants give each role the
 * tables it writes; the checks of schema script P3 add what grants cannot say (a protected target is a releaser's).
 * Only the owner may update or delete rows of the append-only tables; the one column grant on {@code events} is the
 * signature, which its trigger lets be written once, on an unsigned event.
 */
final class PgRoles {
    private static final String[] EDITOR_INSERTS = {"models", "versions", "metrics", "params", "version_tags",
        "version_initial_tags", "version_provenance", "model_tags", "events", "keys", "metric_directions"};

    private PgRoles() {
    }

    /** Asks the server what the current user may do, by the rule its checks use ({@code rewind_may}). */
    static Abilities abilities(Connection c) throws SQLException {
        Set<Abilities.Ability> granted = EnumSet.noneOf(Abilities.Ability.class);
        Abilities.Ability[] all = Abilities.Ability.values();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT current_user, rewind_may(?::name), rewind_may(?::name), rewind_may(?::name)")) {
            for (int i = 0; i < all.length; i++) {
                st.setString(i + 1, all[i].role());
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                for (int i = 0; i < all.length; i++) {
                    if (rs.getBoolean(i + 2)) {
                        granted.add(all[i]);
                    }
                }
                return new Abilities(rs.getString(1), granted);
            }
        }
    }

    /** Creates the roles that are missing and grants them this catalog, all in one transaction. */
    static RolesSetup init(Connection c, PgAddress address) throws SQLException {
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN");
            try {
                st.execute("SELECT pg_advisory_xact_lock(" + PgSchema.WRITER_LOCK + ")");
                for (String role : RolesSetup.ROLES) {
                    (create(st, role) ? created : existing).add(role);
                }
                grant(st);
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
        return new RolesSetup(address.toString(), created, existing);
    }

    private static boolean create(Statement st, String role) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (rs.next()) {
                return false;
            }
        }
        // another catalog of the cluster may be making it at this moment: then it is there, which is all we need
        st.execute("DO $$ BEGIN CREATE ROLE " + role + " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation"
                + " THEN NULL; END $$");
        return true;
    }

    private static void grant(Statement st) throws SQLException {
        String schema;
        try (ResultSet rs = st.executeQuery("SELECT quote_ident(current_schema())")) {
            rs.next();
            schema = rs.getString(1);
        }
        List<String> sql = new ArrayList<>(List.of(
                "GRANT rewind_reader TO rewind_editor", "GRANT rewind_editor TO rewind_deployer",
                "GRANT rewind_deployer TO rewind_releaser",
                "GRANT USAGE ON SCHEMA " + schema + " TO rewind_reader",
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO rewind_reader",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO rewind_editor",
                // the catalog's functions are for its roles only, not for every user of the cluster
                "REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA " + schema + " FROM PUBLIC",
                "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + schema + " TO rewind_reader",
                "GRANT INSERT ON " + String.join(", ", EDITOR_INSERTS) + " TO rewind_editor",
                // tags are the one mutable part of a version; events get a signature once (see the trigger)
                "GRANT UPDATE, DELETE ON version_tags TO rewind_editor",
                "GRANT UPDATE ON model_tags, metric_directions TO rewind_editor",
                "GRANT UPDATE (key_id, signature) ON events TO rewind_editor",
                "GRANT INSERT, UPDATE (version_id, retired) ON targets TO rewind_deployer",
                "GRANT INSERT ON target_pointers TO rewind_deployer",
                "GRANT INSERT, DELETE ON pending_switches TO rewind_deployer",
                "GRANT INSERT ON move_proofs TO rewind_deployer",
                "GRANT UPDATE (protected) ON targets TO rewind_releaser",
                "GRANT INSERT, UPDATE, DELETE ON target_guards, target_checks TO rewind_releaser",
                // where the team's artifacts come from is as much a release decision as protection
                "GRANT INSERT, UPDATE ON artifact_store TO rewind_releaser"));
        for (String s : sql) {
            st.execute(s);
        }
    }
}
