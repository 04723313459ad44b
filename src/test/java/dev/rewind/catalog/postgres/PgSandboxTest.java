package dev.rewind.catalog.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.support.PgSandbox;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PgSandbox.class)
class PgSandboxTest {
    @Test
    void theSandboxIsAPostgreSql15ServerOwnedByAnUnprivilegedUser(PgSandbox.Server server) throws Exception {
        String url = server.newDatabase();
        assertThat(url).matches("postgresql://rewind@127\\.0\\.0\\.1:\\d+/t\\d+");
        try (Connection c = DriverManager.getConnection(PgSandbox.Server.jdbc(url)); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT session_user, current_setting('server_version_num')::int")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("rewind");
            assertThat(rs.getInt(2)).isBetween(150000, 159999);
        }
        // PostgreSQL refuses to run as root; as root the script hands the cluster to 'nobody'
        assertThat(Files.getOwner(server.dir().resolve("data")).getName()).isNotEqualTo("root");
    }

    @Test
    void everyTestGetsAnEmptyDatabaseOfItsOwn(PgSandbox.Server server) {
        assertThat(server.newDatabase()).isNotEqualTo(server.newDatabase());
    }
}
