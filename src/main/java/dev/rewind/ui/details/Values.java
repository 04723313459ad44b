package dev.rewind.ui.details;

import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * How Details shows a value: every value can be copied (right-click → Copy); identifiers (checksums, paths, run ids)
 * also get a Copy button. A value is never broken inside a token: a short token stays whole, a long one (a checksum, a
 * path) is shortened in the middle with the whole text in its tooltip, and only text with spaces wraps, at the spaces.
 */
final class Values {
    /** Longest single token shown whole; longer ones are shortened in the middle. */
    private static final int WHOLE_TOKEN = 32;

    private Values() {
    }

    static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("rw-value");
        if (text.chars().anyMatch(Character::isWhitespace)) {
            l.setWrapText(true);
            l.setMaxWidth(420);
        } else if (text.length() <= WHOLE_TOKEN) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        } else {
            l.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            l.setMinWidth(120);
            l.setMaxWidth(420);
            l.setTooltip(new Tooltip(text));
        }
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> copy(text));
        l.setContextMenu(new ContextMenu(copy));
        return l;
    }

    /** A value with a Copy button beside it; {@code id} names the value ({@code details-sha256}) and the button. */
    static HBox identifier(String id, String text) {
        Label l = value(text);
        l.setId(id);
        HBox box = new HBox(6, l, copyButton(id + "-copy", "Copy", text));
        box.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        HBox.setHgrow(l, Priority.ALWAYS);
        return box;
    }

    /** A small button that puts {@code text} on the clipboard and says so. */
    static Button copyButton(String id, String caption, String text) {
        Button b = new Button(caption);
        b.setId(id);
        b.getStyleClass().addAll("flat", "small", "rw-copy");
        b.setAccessibleText(caption + " " + text);
        b.setTooltip(new Tooltip("Copy " + text));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            copy(text);
            b.setText("Copied");
        });
        return b;
    }

    static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
