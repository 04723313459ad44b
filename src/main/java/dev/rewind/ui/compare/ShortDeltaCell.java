package dev.rewind.ui.compare;

import dev.rewind.domain.MetricDelta;
import dev.rewind.ui.common.Formats;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A version's change from the baseline beside its value: the signed difference, green when better and red when
 * worse for the metric's direction (as {@link dev.rewind.ui.common.DeltaCell}); the relative change is in the
 * tooltip, which keeps the column narrow enough for three versions and the metric names at 1024 px.
 */
final class ShortDeltaCell<S> extends TableCell<S, MetricDelta> {
    @Override
    protected void updateItem(MetricDelta d, boolean empty) {
        super.updateItem(d, empty);
        getStyleClass().removeAll("rw-better", "rw-worse");
        if (empty || d == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(text(d));
        String rel = Formats.percent(d.relative());
        setTooltip(new Tooltip(d.missing() ? "missing in one of the two versions"
                : text(d) + (rel.isEmpty() ? "" : " (" + rel + ")") + " · " + d.verdict().name().toLowerCase(java.util.Locale.ROOT)));
        switch (d.verdict()) {
            case BETTER -> getStyleClass().add("rw-better");
            case WORSE -> getStyleClass().add("rw-worse");
            default -> { }
        }
    }

    static String text(MetricDelta d) {
        return d.missing() ? "missing" : Formats.signed(d.absolute());
    }
}
