package dev.rewind.ui.actions;

import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.ui.common.DialogService.TagRequest;
import dev.rewind.ui.common.Stylesheets;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.controlsfx.control.textfield.TextFields;

/** Asks for a tag key (with completion from the keys already in use), an optional value and a reason. */
public final class TagDialog extends Dialog<TagRequest> {
    public TagDialog(String model, String version, List<String> knownKeys) {
        setTitle("Tag version");
        setHeaderText("Tag " + model + " " + version);
        getDialogPane().setId("tag-dialog");
        TextField key = new TextField();
        key.setId("tag-key");
        key.setPromptText("failed, stable, owner…");
        var completion = TextFields.bindAutoCompletion(key, knownKeys.isEmpty() ? List.of("failed", "stable") : knownKeys);
        completion.getAutoCompletionPopup().getScene().getStylesheets().add(Stylesheets.modenaColours());
        // the suggestions must not linger over the other fields and buttons once the key is typed
        // (suggestions arrive from a background thread, possibly after the field lost focus)
        key.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                completion.getAutoCompletionPopup().hide();
            }
        });
        completion.getAutoCompletionPopup().setOnShown(e -> javafx.application.Platform.runLater(() -> {
            if (!key.isFocused()) {
                completion.getAutoCompletionPopup().hide();
            }
        }));
        TextField value = new TextField();
        value.setId("tag-value");
        value.setPromptText("optional");
        TextField reason = new TextField();
        reason.setId("tag-reason");
        reason.setPromptText("why (recorded in the history)");
        Label problem = new Label();
        problem.setId("tag-problem");
        problem.getStyleClass().add("rw-danger");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Key"), key);
        grid.addRow(1, new Label("Value"), value);
        grid.addRow(2, new Label("Reason"), reason);
        grid.add(problem, 1, 3);
        getDialogPane().setContent(grid);
        ButtonType add = new ButtonType("Add tag", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, add);
        getDialogPane().lookupButton(add).setId("tag-confirm");
        getDialogPane().lookupButton(add).disableProperty().bind(key.textProperty().isEmpty());
        key.textProperty().addListener((o, a, k) -> problem.setText(check(k)));
        getDialogPane().lookupButton(add).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String p = check(key.getText());
            if (p != null) {
                problem.setText(p);
                e.consume();
            }
        });
        setResultConverter(b -> b == add ? new TagRequest(key.getText().strip(),
                value.getText().isBlank() ? null : value.getText().strip(),
                reason.getText().isBlank() ? null : reason.getText().strip()) : null);
        setOnShown(e -> key.requestFocus());
    }

    private static String check(String key) {
        try {
            Names.require("tag key", key == null ? "" : key.strip());
            return null;
        } catch (RewindException e) {
            return e.getMessage();
        }
    }
}
