package dev.rewind.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

/** A strip above the models while the open catalog is read-only for this user: why the change actions are off. */
final class ReadOnlyBanner extends Label {
    ReadOnlyBanner(MainViewModel vm) {
        setId("read-only-banner");
        getStyleClass().add("rw-read-only-banner");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setStyle("-fx-padding: 6 12; -fx-background-color: -color-warning-subtle; -fx-text-fill: -color-warning-fg;");
        textProperty().bind(Bindings.createStringBinding(() -> "Read-only: you cannot write to "
                + vm.catalogPathProperty().get() + ", so deploy, roll back, tag and import are off."
                + " Everything else works as usual.", vm.catalogPathProperty()));
        visibleProperty().bind(vm.readOnlyProperty());
        managedProperty().bind(vm.readOnlyProperty());
    }
}
