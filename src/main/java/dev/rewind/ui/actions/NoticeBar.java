package dev.rewind.ui.actions;

import dev.rewind.ui.common.Tooltips;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The "done" notice with its Undo, in the window's status bar: the one strip that holds no work, so the notice covers
 * neither the History tab, nor Learn's monitor, nor the model list (a floating toast did), and it moves with the
 * window. It uses the theme's own label and button styles, so no extra stylesheet has to resolve. {@link
 * FxDialogService} finds it in the owner window's scene by its id.
 */
public final class NoticeBar extends HBox {
    static final String ID = "notice-bar";
    /** How much of a notice the bar shows (about 450 px, so the rest of the bar keeps room); all of it: its tooltip. */
    static final int SHOWN_CHARACTERS = 72;
    private final Label message = new Label();
    private final StringProperty fullText = new SimpleStringProperty("");
    private final Button undo = new Button("Undo");
    private final PauseTransition hide = new PauseTransition(Duration.seconds(12));
    private Runnable undoAction;

    public NoticeBar() {
        super(8);
        setId(ID);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("rw-notice");
        message.setId("notice-message");
        // the notice keeps its width while the rest of the status bar changes, so Undo stays under the pointer
        // that goes for it; a long notice shows its start (all of it in its tooltip and to a screen reader)
        message.setMinWidth(Region.USE_PREF_SIZE);
        Tooltips.onFirstHover(message, fullText);
        undo.setId("notice-undo");
        undo.getStyleClass().addAll("small", "accent");
        undo.setOnAction(e -> {
            Runnable action = undoAction;
            dismiss();
            if (action != null) {
                action.run();
            }
        });
        Button close = new Button("×");
        close.setId("notice-close");
        close.getStyleClass().addAll("small", "flat");
        close.setAccessibleText("Dismiss the notice");
        close.setOnAction(e -> dismiss());
        // its buttons keep their width too: a squeezed "U…" was seen beside a long notice
        undo.setMinWidth(Region.USE_PREF_SIZE);
        close.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().setAll(message, undo, close);
        setAccessibleRole(AccessibleRole.TEXT);
        managedProperty().bind(visibleProperty());
        setVisible(false);
        hide.setOnFinished(e -> dismiss());
    }

    /** Shows {@code text}, with Undo when {@code action} is not null, until dismissed or for a few seconds. */
    void show(String text, Runnable action) {
        fullText.set("✓ " + text);
        message.setText(text.length() <= SHOWN_CHARACTERS ? "✓ " + text
                : "✓ " + text.substring(0, SHOWN_CHARACTERS - 1).stripTrailing() + "…");
        setAccessibleText(text);
        undoAction = action;
        undo.setVisible(action != null);
        undo.setManaged(action != null);
        setVisible(true);
        hide.playFromStart();
    }

    void dismiss() {
        hide.stop();
        undoAction = null;
        setVisible(false);
    }
}
