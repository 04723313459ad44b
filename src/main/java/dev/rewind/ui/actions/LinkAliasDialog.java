package dev.rewind.ui.actions;

import dev.rewind.domain.TargetPointer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The small form behind "Link to MLflow alias…": the MLflow store, model and alias a recorded-only target will move
 * from then on, prefilled with the offer (where its versions were imported from, the target's name in lower case).
 */
final class LinkAliasDialog extends Dialog<TargetPointer> {
    LinkAliasDialog(String target, String model, TargetPointer offer) {
        setTitle("Link " + target + " to an MLflow alias");
        setHeaderText("Link " + target + " of " + model + " to an MLflow alias");
        getDialogPane().setId("link-dialog");
        getDialogPane().setPrefWidth(560);
        TextField store = field("link-store", offer.store());
        TextField name = field("link-model", offer.name());
        TextField alias = field("link-alias", offer.pointer());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, new Label("MLflow store"), store);
        form.addRow(1, new Label("MLflow model"), name);
        form.addRow(2, new Label("Alias"), alias);
        GridPane.setHgrow(store, Priority.ALWAYS);
        Label what = new Label("From then on every deploy and rollback of " + target + " sets this alias in MLflow."
                + " The alias must already point at the version " + target + " serves; linking changes nothing in"
                + " MLflow.");
        what.setWrapText(true);
        getDialogPane().setContent(new VBox(10, what, form));
        ButtonType link = new ButtonType("Link", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(link, ButtonType.CANCEL);
        Button linkButton = (Button) getDialogPane().lookupButton(link);
        linkButton.setId("link-confirm");
        linkButton.disableProperty().bind(Bindings.createBooleanBinding(() -> store.getText().isBlank()
                || name.getText().isBlank() || alias.getText().isBlank(), store.textProperty(), name.textProperty(),
                alias.textProperty()));
        setResultConverter(b -> b == link ? new TargetPointer(TargetPointer.Kind.MLFLOW_ALIAS, store.getText().strip(),
                name.getText().strip(), alias.getText().strip()) : null);
        setOnShown(e -> alias.requestFocus());
    }

    private static TextField field(String id, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        return f;
    }
}
