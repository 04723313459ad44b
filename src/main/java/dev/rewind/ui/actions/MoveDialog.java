package dev.rewind.ui.actions;

import dev.rewind.domain.EventKind;
import dev.rewind.domain.MetricDelta;
import dev.rewind.domain.MoveDecision;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.MovePreview;
import dev.rewind.ui.common.DialogService;
import java.util.EnumSet;
import java.util.Set;
import dev.rewind.ui.common.DeltaCell;
import dev.rewind.ui.common.Formats;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.geometry.Pos;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The confirmation of a deploy or rollback: target, live → chosen version, the metric deltas coloured by
 * direction, warnings, one box per rule the move sets aside (off by default; confirm stays disabled until each
 * is ticked), a required one-line reason and, for a protected target, its name typed to confirm. When the move
 * cannot be made (artifact missing or altered) the confirm button stays disabled and the reason is shown.
 */
public final class MoveDialog extends Dialog<DialogService.MoveConfirmation> {
    private static final double ROW_HEIGHT = 28;
    private static final double HEADER_HEIGHT = 32;
    private static final int MAX_ROWS = 10;

    public MoveDialog(MovePreview p) {
        boolean rollback = p.kind() == EventKind.ROLLBACK;
        String verb = rollback ? "Roll back" : "Deploy";
        String from = p.current() == null ? "nothing" : p.current().label();
        setTitle(verb + " " + p.target());
        setHeaderText(rollback
                ? "Roll back " + p.target() + " of " + p.model() + " from " + from + " to " + p.chosen().label()
                : "Deploy " + p.model() + " " + p.chosen().label() + " to " + p.target() + " (now " + from + ")");
        getDialogPane().setId("move-dialog");
        getDialogPane().setPrefWidth(680);

        Label fromLabel = new Label(from);
        fromLabel.setId("move-from");
        Label toLabel = new Label(p.chosen().label());
        toLabel.setId("move-to");
        toLabel.getStyleClass().add("rw-strong");
        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(4);
        facts.addRow(0, new Label("Target"), new Label(p.target() + " of " + p.model()));
        facts.addRow(1, new Label("Now live"), fromLabel);
        facts.addRow(2, new Label("Will serve"), toLabel);

        VBox warnings = new VBox(4);
        warnings.setId("move-warnings");
        p.warnings().forEach(w -> {
            Label l = new Label("⚠ " + w);
            l.getStyleClass().add("rw-warning");
            warnings.getChildren().add(l);
        });
        Label blocker = new Label(p.blocker() == null ? "" : p.blocker());
        blocker.setId("move-blocker");
        blocker.getStyleClass().add("rw-danger");
        blocker.setWrapText(true);
        blocker.setVisible(p.blocker() != null);
        blocker.setManaged(p.blocker() != null);

        TableView<MetricDelta> deltas = deltaTable(p);
        TextField reason = new TextField();
        reason.setId("move-reason");
        reason.setPromptText("Why? (required; one line, recorded in the history)");

        Label recordedOnly = new Label(p.recordedOnly()
                ? "Recorded only: this target has no serving directory, so nothing outside Rewind will change" : "");
        recordedOnly.setId("move-recorded-only");
        recordedOnly.getStyleClass().add("rw-warning");
        recordedOnly.setVisible(p.recordedOnly());
        recordedOnly.setManaged(p.recordedOnly());

        VBox content = new VBox(10, facts, recordedRow(p, recordedOnly), nativeRow(p), warnings, blocker,
                new Label("Metrics, " + from + " → " + p.chosen().label()), deltas);
        BooleanBinding confirmable = Bindings.createBooleanBinding(() -> !reason.getText().isBlank(),
                reason.textProperty());
        Set<MoveOverride> ticked = EnumSet.noneOf(MoveOverride.class);
        for (MoveDecision.Needed n : p.needed()) {
            CheckBox box = new CheckBox(n.windowText());
            box.setId("move-override-" + n.override().id());
            box.setWrapText(true);
            box.getStyleClass().add("rw-danger");
            box.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    ticked.add(n.override());
                } else {
                    ticked.remove(n.override());
                }
            });
            content.getChildren().add(box);
            confirmable = confirmable.and(box.selectedProperty());
        }
        content.getChildren().addAll(new Label("Reason"), reason);
        content.setPadding(new Insets(16, 20, 8, 20));
        if (p.needsTypedConfirmation()) {
            TextField typed = new TextField();
            typed.setId("move-confirm-name");
            typed.setPromptText(p.target());
            content.getChildren().addAll(new Label("Type " + p.target() + " to confirm"), typed);
            confirmable = confirmable.and(typed.textProperty().isEqualTo(p.target()));
        }
        Label missing = new Label();
        missing.setId("move-missing");
        missing.getStyleClass().add("rw-warning");
        missing.setWrapText(true);
        content.getChildren().add(missing);
        getDialogPane().setContent(content);

        ButtonType go = new ButtonType(verb + " " + p.target() + " to " + p.chosen().label(), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        Button goButton = (Button) getDialogPane().lookupButton(go);
        goButton.setId("move-confirm");
        goButton.getStyleClass().add(rollback ? "danger" : "accent");
        goButton.disableProperty().bind(confirmable.not().or(Bindings.createBooleanBinding(() -> !p.allowed())));
        // Enter confirms only a move that can be made; otherwise it says what is missing (never cancels).
        goButton.defaultButtonProperty().bind(goButton.disableProperty().not());
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(false);
        cancel.setCancelButton(true);
        // its line is kept while empty: the dialog's window is sized once, so a line added later would push the
        // buttons out of it
        missing.visibleProperty().bind(missing.textProperty().isNotEmpty());
        goButton.disableProperty().addListener((o, was, disabled) -> {
            if (!disabled) {
                missing.setText("");
            }
        });
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && goButton.isDisabled()) {
                e.consume();
                missing.setText(whatIsMissing(p, reason, content));
            }
        });
        setResultConverter(b -> b == go ? new DialogService.MoveConfirmation(reason.getText().strip(), ticked) : null);
        setOnShown(e -> reason.requestFocus());
    }

    /**
     * The recorded-only line, and for a target an MLflow import created, "Link to MLflow alias…": its form's answer
     * closes this dialog asking to link first (the move is then shown again, read afresh).
     */
    private HBox recordedRow(MovePreview p, Label recordedOnly) {
        recordedOnly.setWrapText(true);
        recordedOnly.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(recordedOnly, Priority.ALWAYS);
        HBox row = new HBox(8, recordedOnly);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setVisible(p.recordedOnly());
        row.setManaged(p.recordedOnly());
        if (p.linkOffer() != null) {
            Button link = new Button("Link to MLflow alias…");
            link.setId("move-link");
            link.setMinWidth(Region.USE_PREF_SIZE);
            link.setOnAction(e -> {
                LinkAliasDialog form = new LinkAliasDialog(p.target(), p.model(), p.linkOffer());
                form.initOwner(getDialogPane().getScene().getWindow());
                form.showAndWait().ifPresent(pointer -> {
                    setResult(DialogService.MoveConfirmation.link(pointer));
                    close();
                });
            });
            row.getChildren().add(link);
        }
        return row;
    }

    /** What the move amounts to in the target's own tool, with a button that copies it; absent when recorded only. */
    private static HBox nativeRow(MovePreview p) {
        String command = p.nativeEquivalent();
        Label text = new Label(command == null ? "" : command);
        text.setId("move-native");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("move-native-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(command);
            Clipboard.getSystemClipboard().setContent(c);
            copy.setText("Copied");
        });
        HBox row = new HBox(8, new Label("Same as"), text, copy);
        row.setId("move-native-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setVisible(command != null);
        row.setManaged(command != null);
        return row;
    }

    /** The first thing that keeps the confirm button disabled, in the order the dialog asks for them. */
    private static String whatIsMissing(MovePreview p, TextField reason, VBox content) {
        if (p.blocker() != null) {
            return "This move cannot be made: " + p.blocker();
        }
        if (reason.getText().isBlank()) {
            return "Enter a reason first; it is recorded in the history.";
        }
        boolean unticked = content.getChildren().stream()
                .anyMatch(n -> n instanceof CheckBox b && !b.isSelected());
        if (unticked) {
            return "Tick each box above to set its rule aside, or press Escape to cancel.";
        }
        if (p.needsTypedConfirmation()) {
            return "Type " + p.target() + " to confirm.";
        }
        return "Press Escape to cancel.";
    }

    /** Up to ten rows, fewer on a short screen, so the reason and the buttons stay on it (about 480 px besides). */
    private static int visibleRows() {
        double screen = javafx.stage.Screen.getPrimary().getVisualBounds().getHeight();
        return (int) Math.max(3, Math.min(MAX_ROWS, Math.floor((screen - 480) / ROW_HEIGHT)));
    }

    private static TableView<MetricDelta> deltaTable(MovePreview p) {
        TableView<MetricDelta> t = new TableView<>(FXCollections.observableArrayList(p.deltas()));
        t.setId("move-deltas");
        // every row whole, up to ten; more scroll
        t.setFixedCellSize(ROW_HEIGHT);
        int rows = Math.min(visibleRows(), Math.max(1, p.deltas().size()));
        t.setPrefHeight(HEADER_HEIGHT + ROW_HEIGHT * rows + 2);
        t.setMinHeight(t.getPrefHeight());
        // the header's height depends on the theme and font: once it is known, fit the rows exactly below it
        t.skinProperty().addListener((o, was, skin) -> {
            if (t.lookup(".column-header-background") instanceof javafx.scene.layout.Region header) {
                header.heightProperty().addListener((h, before, height) -> {
                    t.setPrefHeight(height.doubleValue() + ROW_HEIGHT * rows + 2);
                    t.setMinHeight(t.getPrefHeight());
                });
            }
        });
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No metrics recorded"));
        TableColumn<MetricDelta, String> key = new TableColumn<>("Metric");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key() + " " + c.getValue().direction().arrow()));
        TableColumn<MetricDelta, String> before = new TableColumn<>(p.current() == null ? "—" : p.current().label());
        before.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.number(c.getValue().baseline())));
        TableColumn<MetricDelta, String> after = new TableColumn<>(p.chosen().label());
        after.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.number(c.getValue().candidate())));
        TableColumn<MetricDelta, MetricDelta> delta = new TableColumn<>("Change");
        delta.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        delta.setCellFactory(c -> new DeltaCell<>());
        key.setPrefWidth(150);
        delta.setMinWidth(150); // "−0.0260 (−2.7%)" whole
        before.setPrefWidth(95);
        after.setPrefWidth(95);
        t.getColumns().setAll(java.util.List.of(key, before, after, delta));
        return t;
    }
}
