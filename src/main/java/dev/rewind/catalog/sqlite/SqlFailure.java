package dev.rewind.catalog.sqlite;

import java.sql.SQLException;

/** Carries an SQLException out of repository code together with the operation that failed. */
public final class SqlFailure extends RuntimeException {
    private final String operation;

    public SqlFailure(String operation, SQLException cause) {
        super(cause);
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
