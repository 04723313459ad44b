package dev.rewind.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/** An error dialog: one line of message and, for an unexpected error, its stack trace behind "Show Details". */
public final class ErrorAlert extends Alert {
    public ErrorAlert(String header, String message, String details) {
        super(AlertType.ERROR, message);
        setHeaderText(header);
        setTitle("Rewind");
        getDialogPane().setId("error-dialog");
        getDialogPane().setMinWidth(480);
        if (details != null) {
            TextArea trace = new TextArea(details);
            trace.setId("error-details");
            trace.setEditable(false);
            trace.setWrapText(false);
            trace.setPrefRowCount(14);
            trace.setStyle("-fx-font-family: monospace;");
            getDialogPane().setExpandableContent(trace);
        }
    }
}
