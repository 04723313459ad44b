package dev.rewind.ui.common;

import dev.rewind.domain.MetricDelta;
import java.util.Locale;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A metric's change: green when better and red when worse for its direction; "missing" when it cannot be told.
 * The long form shows the relative change beside the difference; the short one (Compare, where three versions and
 * the metric names must fit at 1024 px) keeps it in the tooltip.
 */
public final class DeltaCell<S> extends TableCell<S, MetricDelta> {
    private final boolean withRelative;

    public DeltaCell() {
        this(true);
    }

    public DeltaCell(boolean withRelative) {
        this.withRelative = withRelative;
    }

    /** The short form's text: the signed difference, or "missing". */
    public static String shortText(MetricDelta d) {
        return d.missing() ? "missing" : Formats.signed(d.absolute());
    }

    @Override
    protected void updateItem(MetricDelta d, boolean empty) {
        super.updateItem(d, empty);
        getStyleClass().removeAll("rw-better", "rw-worse");
        if (empty || d == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        String rel = Formats.percent(d.relative());
        String full = d.missing() ? "missing" : shortText(d) + (rel.isEmpty() ? "" : "  (" + rel + ")");
        setText(withRelative ? full : shortText(d));
        if (!withRelative) {
            setTooltip(new Tooltip(d.missing() ? "missing in one of the two versions"
                    : full + " · " + d.verdict().name().toLowerCase(Locale.ROOT)));
        }
        switch (d.verdict()) {
            case BETTER -> getStyleClass().add("rw-better");
            case WORSE -> getStyleClass().add("rw-worse");
            default -> { }
        }
    }
}
