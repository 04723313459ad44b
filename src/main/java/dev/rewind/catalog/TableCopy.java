package dev.rewind.catalog;

import java.util.List;
import java.util.function.Consumer;

/**
 * A whole catalog as rows, for {@code rewind catalog copy}: every table the schema holds, written back with the same
 * ids, hashes and signatures, so the hash chain and {@code verify} carry over. Both backends have the same tables
 * and columns; a column one side lacks is an error, never dropped.
 */
public interface TableCopy {
    /** One table and the order its rows are copied in (parents before the rows that refer to them). */
    record Table(String name, String orderBy) {
    }

    /** Every table of the catalog, in an order that satisfies the foreign keys. */
    List<Table> TABLES = List.of(new Table("models", "id"), new Table("versions", "id"),
            new Table("metrics", "version_id, key, step, dataset, value"), new Table("params", "version_id, key"),
            new Table("version_tags", "version_id, key"), new Table("version_initial_tags", "version_id, key"),
            new Table("version_provenance", "version_id, key"), new Table("model_tags", "model_id, key"),
            new Table("targets", "id"), new Table("target_guards", "target_id, key"),
            new Table("target_checks", "target_id"), new Table("target_pointers", "target_id"),
            new Table("events", "id"),
            new Table("pending_switches", "event_id"), new Table("metric_directions", "key"),
            new Table("move_proofs", "event_id"), new Table("keys", "id"), new Table("chain_info", "catalog_id"));

    /** Receives the rows of the tables in {@link #TABLES} order. */
    interface Rows {
        /** The next table starts: its columns as the source names them, and how many rows follow. */
        void table(Table table, List<String> columns, long count);

        /** One row, its values in the order of the columns announced. */
        void row(Object[] values);
    }

    /** Whether the catalog holds nothing but what creating it wrote (its chain's starting point). */
    boolean isEmpty();

    /** Streams every table to {@code out}, all read from one consistent snapshot. */
    void readAll(Rows out);

    /**
     * Writes what {@code source} streams, in one transaction, replacing the chain's starting point with the source's;
     * refuses (writing nothing) unless {@link #isEmpty()}. A failure rolls back and leaves the catalog as it was.
     */
    void writeAll(Consumer<Rows> source);
}
