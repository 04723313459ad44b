package dev.rewind.ui.common;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Sizes a table column to its header and its longest text, so nothing in it is cut to "…". */
public final class ColumnFit {
    /** A cell's padding and a little air, beside its text's width. */
    private static final double CELL_PAD = 22;
    private final Labeled styledLike;

    /** {@code styledLike}: a label in the same scene, whose font is the theme's once it is styled. */
    public ColumnFit(Labeled styledLike) {
        this.styledLike = styledLike;
    }

    /** Makes {@code column} at least as wide as its header and each of {@code rows}' texts. */
    public <R> void apply(TableColumn<?, ?> column, List<R> rows, Function<R, String> text, boolean bold) {
        apply(column, rows, text, bold, Double.MAX_VALUE);
    }

    /**
     * As {@link #apply(TableColumn, List, Function, boolean)}, but never wider than {@code most}: for a column of
     * free text (tags, targets) whose cells carry their whole text in a tooltip.
     */
    public <R> void apply(TableColumn<?, ?> column, List<R> rows, Function<R, String> text, boolean bold, double most) {
        double widest = width(column.getText(), true);
        for (R r : rows) {
            widest = Math.max(widest, width(text.apply(r), bold));
        }
        column.setMinWidth(Math.min(most, Math.ceil(widest + CELL_PAD)));
        column.setPrefWidth(Math.max(column.getPrefWidth(), column.getMinWidth()));
    }

    private double width(String s, boolean bold) {
        if (styledLike.getScene() != null) {
            styledLike.applyCss();
        }
        // before the view is styled, the toolkit's default font
        Font f = styledLike.getScene() == null ? Font.getDefault() : styledLike.getFont();
        Text t = new Text(s == null ? "" : s);
        t.setFont(bold ? Font.font(f.getFamily(), FontWeight.BOLD, f.getSize()) : f);
        return t.getLayoutBounds().getWidth();
    }
}
