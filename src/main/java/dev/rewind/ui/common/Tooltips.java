package dev.rewind.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/** Tooltips made when they are first wanted. */
public final class Tooltips {
    private Tooltips() {
    }

    /**
     * Gives {@code c} a tooltip saying {@code text} the first time the pointer enters it: a tooltip is a popup window,
     * and the ones of the buttons in the window's first frame took about 6 ms of it, made at start for a hover that
     * may never come. It shows as any tooltip does, once the pointer rests on {@code c}.
     */
    public static void onFirstHover(Control c, String text) {
        onFirstHover(c, new ReadOnlyStringWrapper(text));
    }

    /** The same with a text that changes (a list cell's, say); the tooltip follows it. */
    public static void onFirstHover(Control c, ObservableValue<String> text) {
        EventHandler<MouseEvent> once = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                c.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip t = new Tooltip();
                t.textProperty().bind(text);
                c.setTooltip(t);
            }
        };
        c.addEventHandler(MouseEvent.MOUSE_ENTERED, once);
    }
}
