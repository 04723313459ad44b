package dev.rewind.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

/** A strip above the models, shown only while the open catalog's history fails its check. */
final class IntegrityBanner extends Label {
    IntegrityBanner(IntegrityViewModel vm) {
        setId("integrity-banner");
        getStyleClass().addAll("rw-integrity-banner", "danger");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setStyle("-fx-padding: 6 12; -fx-background-color: -color-danger-subtle; -fx-text-fill: -color-danger-fg;");
        textProperty().bind(Bindings.createStringBinding(() -> vm.problemProperty().get() == null ? ""
                : "This catalog fails verification, so deploys and rollbacks are refused until 'rewind verify' is"
                + " clean: " + vm.problemProperty().get(), vm.problemProperty()));
        visibleProperty().bind(vm.failingProperty());
        managedProperty().bind(vm.failingProperty());
    }
}
