package dev.rewind.ui.actions;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The "done" notice with its Undo, in the window's status bar: the one strip that holds no work, so the notice covers
 * neither the History tab, nor Learn's monitor, nor the model list (a floating toast did), and it moves with the
 * window. It uses the theme's own label and button styles, so no extra stylesheet has to resolve. {@link
 * FxDialogService} finds it in the owner window's scene by its id.
 */
public final class NoticeBar extends HBox {
    static final String ID = "notice-bar";
    private final Label message = new Label();
    private final Button undo = new Button("Undo");
    private final PauseTransition hide = new PauseTransition(Duration.seconds(12));
    private Runnable undoAction;

    public NoticeBar() {
        super(8);
        setId(ID);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("rw-notice");
        message.setId("notice-message");
        message.setMinWidth(0);
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
        getChildren().setAll(message, undo, close);
        setAccessibleRole(AccessibleRole.TEXT);
        managedProperty().bind(visibleProperty());
        setVisible(false);
        hide.setOnFinished(e -> dismiss());
    }

    /** Shows {@code text}, with Undo when {@code action} is not null, until dismissed or for a few seconds. */
    void show(String text, Runnable action) {
        message.setText("✓ " + text);
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
