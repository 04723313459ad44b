package dev.rewind.importer;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages build the importer's fixtures. */
public final class MlflowFixturesAccess {
    private MlflowFixturesAccess() {
    }

    public static Path mlruns(Path dir) throws IOException {
        return MlflowFixtures.mlruns(dir);
    }

    public static Path db(Path dir) throws java.sql.SQLException {
        return MlflowFixtures.db(dir, MlflowFixtures.Generation.WORKSPACES);
    }

    /** A store of MLflow's oldest schema generation, which has no model aliases. */
    public static Path dbWithoutAliases(Path dir) throws java.sql.SQLException {
        return MlflowFixtures.db(dir, MlflowFixtures.Generation.OLDEST);
    }
}
