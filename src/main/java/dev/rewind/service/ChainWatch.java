package dev.rewind.service;

import dev.rewind.catalog.ChainHead;
import dev.rewind.catalog.TableCopy;
import java.util.List;
import java.util.TreeSet;

/**
 * Watches the rows of a catalog copy go by: counts them, tells of large tables, and keeps what the copy needs
 * afterwards (the chain's identity, its newest event for the head file, the checksums of stored artifacts).
 */
final class ChainWatch {
    private final CatalogCopyService.Progress progress;
    private final long progressRows;
    private final TreeSet<String> artifacts = new TreeSet<>();
    private long rows;
    private String table;
    private List<String> columns = List.of();
    private String catalogId;
    private Object[] newestEvent;
    private List<String> eventColumns = List.of();

    ChainWatch(CatalogCopyService.Progress progress, long progressRows) {
        this.progress = progress;
        this.progressRows = progressRows;
    }

    TableCopy.Rows around(TableCopy.Rows inner) {
        return new TableCopy.Rows() {
            @Override
            public void table(TableCopy.Table t, List<String> cols, long count) {
                table = t.name();
                columns = cols;
                if (count >= progressRows) {
                    progress.table(t.name(), count);
                }
                inner.table(t, cols, count);
            }

            @Override
            public void row(Object[] values) {
                rows++;
                watch(values);
                inner.row(values);
            }
        };
    }

    private void watch(Object[] values) {
        switch (table) {
            case "versions" -> {
                Object sha = values[columns.indexOf("artifact_sha256")];
                if (sha instanceof String s && s.matches("[0-9a-f]{64}")) {
                    artifacts.add(s);
                }
            }
            case "events" -> {
                newestEvent = values;
                eventColumns = columns;
            }
            case "chain_info" -> catalogId = (String) values[columns.indexOf("catalog_id")];
            default -> { }
        }
    }

    long rows() {
        return rows;
    }

    TreeSet<String> artifacts() {
        return artifacts;
    }

    String catalogId() {
        return catalogId;
    }

    /** The head file's record of the newest event copied, or null when there are none. */
    ChainHead newest() {
        if (newestEvent == null) {
            return null;
        }
        return new ChainHead(catalogId, ((Number) value("id")).longValue(), (String) value("hash"),
                (String) value("key_id"), (String) value("signature"), 0, null);
    }

    private Object value(String column) {
        return newestEvent[eventColumns.indexOf(column)];
    }
}
