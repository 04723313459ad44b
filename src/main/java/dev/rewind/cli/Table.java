package dev.rewind.cli;

import dev.rewind.domain.Text;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table with columns padded to their widest cell. Not picocli's {@code TextTable}: that one reads
 * every cell as picocli markup (a reason such as {@code @|bold x|@} would print as {@code x}), and its columns need
 * their widths up front, so the widest-cell pass would stay anyway. Every cell is printed escaped
 * ({@link Text#escape}): a line break or an escape code in a name or reason cannot forge a row or recolour the terminal.
 */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(java.util.Arrays.stream(header).map(Text::escape).toArray(String[]::new));
    }

    Table row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] == null ? "-" : Text.escape(cells[i].toString());
        }
        rows.add(r);
        return this;
    }

    void print(PrintStream out) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.setLength(0);
            for (int i = 0; i < cols; i++) {
                sb.append(r[i]);
                if (i < cols - 1) {
                    sb.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
