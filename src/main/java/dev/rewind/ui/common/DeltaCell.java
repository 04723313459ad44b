package dev.rewind.ui.common;

import dev.rewind.domain.MetricDelta;
import javafx.scene.control.TableCell;

/** A metric's change: green when better and red when worse for its direction; "missing" when it cannot be told. */
public final class DeltaCell<S> extends TableCell<S, MetricDelta> {
    @Override
    protected void updateItem(MetricDelta d, boolean empty) {
        super.updateItem(d, empty);
        getStyleClass().removeAll("rw-better", "rw-worse");
        if (empty || d == null) {
            setText(null);
            return;
        }
        String rel = Formats.percent(d.relative());
        setText(d.missing() ? "missing" : Formats.signed(d.absolute()) + (rel.isEmpty() ? "" : "  (" + rel + ")"));
        switch (d.verdict()) {
            case BETTER -> getStyleClass().add("rw-better");
            case WORSE -> getStyleClass().add("rw-worse");
            default -> { }
        }
    }
}
