package dev.rewind.ui.common;

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
        EventHandler<MouseEvent> once = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                c.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                c.setTooltip(new Tooltip(text));
            }
        };
        c.addEventHandler(MouseEvent.MOUSE_ENTERED, once);
    }
}
