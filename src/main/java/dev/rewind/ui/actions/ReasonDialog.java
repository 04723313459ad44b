package dev.rewind.ui.actions;

import dev.rewind.domain.Reasons;
import dev.rewind.domain.RewindException;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Asks for a one-line reason before a change that needs one (removing a failed or stable tag). */
final class ReasonDialog extends Dialog<String> {
    ReasonDialog(String title, String question) {
        setTitle(title);
        setHeaderText(title);
        getDialogPane().setId("reason-dialog");
        TextField reason = new TextField();
        reason.setId("reason-text");
        reason.setPromptText("Why? (required; recorded in the history)");
        Label q = new Label(question);
        q.setWrapText(true);
        getDialogPane().setContent(new VBox(8, q, reason));
        ButtonType ok = new ButtonType("Confirm", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ok);
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId("reason-confirm");
        okButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !acceptable(reason.getText()),
                reason.textProperty()));
        setResultConverter(b -> b == ok ? reason.getText().strip() : null);
        setOnShown(e -> reason.requestFocus());
    }

    private static boolean acceptable(String text) {
        try {
            Reasons.require("reason", text, "asked for");
            return true;
        } catch (RewindException e) {
            return false;
        }
    }
}
