package dev.rewind.ui.actions;

import dev.rewind.ui.common.DialogService.MissingCatalog;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Asks what to do about a catalog path with no file behind it: a typo must not silently become a new catalog.
 * The verb buttons say what each choice makes; Cancel is the default.
 */
final class MissingCatalogDialog extends Dialog<MissingCatalog> {
    MissingCatalogDialog(Path path, Window owner) {
        initOwner(owner);
        setTitle("Rewind");
        setHeaderText("There is no catalog at " + path);
        setContentText("Create an empty catalog there, create the demo there, or choose another file?"
                + " (Nothing is created unless you say so.)");
        getDialogPane().setId("missing-catalog-dialog");
        getDialogPane().setMinWidth(760);
        ButtonType empty = new ButtonType("Create empty catalog", ButtonBar.ButtonData.LEFT);
        ButtonType demo = new ButtonType("Create demo", ButtonBar.ButtonData.LEFT);
        ButtonType other = new ButtonType("Choose another file…", ButtonBar.ButtonData.OTHER);
        getDialogPane().getButtonTypes().addAll(empty, demo, other, ButtonType.CANCEL);
        id(empty, "missing-create-empty");
        id(demo, "missing-create-demo");
        id(other, "missing-choose");
        for (ButtonType b : getDialogPane().getButtonTypes()) {
            Button button = (Button) getDialogPane().lookupButton(b);
            button.setDefaultButton(b == ButtonType.CANCEL);
            button.setMinWidth(Region.USE_PREF_SIZE); // the verbs must be read whole
            ButtonBar.setButtonUniformSize(button, false);
        }
        setResultConverter(b -> b == empty ? MissingCatalog.CREATE_EMPTY : b == demo ? MissingCatalog.CREATE_DEMO
                : b == other ? MissingCatalog.CHOOSE_ANOTHER : null);
    }

    private void id(ButtonType type, String id) {
        getDialogPane().lookupButton(type).setId(id);
    }
}
