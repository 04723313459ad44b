package dev.rewind.ui.shell;

import javafx.scene.control.Label;

/** A strip above the models while the server catalog's connection is lost and being made again. */
final class ConnectionBanner extends Label {
    ConnectionBanner(MainViewModel vm) {
        setId("connection-banner");
        getStyleClass().add("rw-connection-banner");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setStyle("-fx-padding: 6 12; -fx-background-color: -color-warning-subtle; -fx-text-fill: -color-warning-fg;");
        textProperty().bind(vm.lostConnectionProperty());
        visibleProperty().bind(vm.lostConnectionProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
