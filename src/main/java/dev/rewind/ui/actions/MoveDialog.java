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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The confirmation of a deploy or rollback: target, live → chosen version, the metric deltas coloured by
 * direction, warnings, one box per rule the move sets aside (off by default; confirm stays disabled until each
 * is ticked), a required one-line reason and, for a protected target, its name typed to confirm. When the move
 * cannot be made (artifact missing or altered) the confirm button stays disabled and the reason is shown.
 */
public final class MoveDialog extends Dialog<DialogService.MoveConfirmation> {
    public MoveDialog(MovePreview p) {
        boolean rollback = p.kind() == EventKind.ROLLBACK;
        String verb = rollback ? "Roll back" : "Deploy";
        String from = p.current() == null ? "nothing" : p.current().label();
        setTitle(verb + " " + p.target());
        setHeaderText(rollback
                ? "Roll back " + p.target() + " of " + p.model() + " from " + from + " to " + p.chosen().label()
                : "Deploy " + p.model() + " " + p.chosen().label() + " to " + p.target() + " (now " + from + ")");
        getDialogPane().setId("move-dialog");
        getDialogPane().setPrefWidth(620);

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

        VBox content = new VBox(10, facts, warnings, blocker, new Label("Metrics, " + from + " → " + p.chosen().label()),
                deltas);
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
        content.setPadding(new Insets(4, 0, 0, 0));
        if (p.needsTypedConfirmation()) {
            TextField typed = new TextField();
            typed.setId("move-confirm-name");
            typed.setPromptText(p.target());
            content.getChildren().addAll(new Label("Type " + p.target() + " to confirm"), typed);
            confirmable = confirmable.and(typed.textProperty().isEqualTo(p.target()));
        }
        getDialogPane().setContent(content);

        ButtonType go = new ButtonType(verb + " " + p.target() + " to " + p.chosen().label(), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        Button goButton = (Button) getDialogPane().lookupButton(go);
        goButton.setId("move-confirm");
        goButton.setDefaultButton(false);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        goButton.getStyleClass().add(rollback ? "danger" : "accent");
        goButton.disableProperty().bind(confirmable.not().or(Bindings.createBooleanBinding(() -> !p.allowed())));
        setResultConverter(b -> b == go ? new DialogService.MoveConfirmation(reason.getText().strip(), ticked) : null);
        setOnShown(e -> reason.requestFocus());
    }

    private static TableView<MetricDelta> deltaTable(MovePreview p) {
        TableView<MetricDelta> t = new TableView<>(FXCollections.observableArrayList(p.deltas()));
        t.setId("move-deltas");
        t.setPrefHeight(Math.min(220, 30 + 26 * Math.max(1, p.deltas().size())));
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
        t.getColumns().setAll(java.util.List.of(key, before, after, delta));
        return t;
    }
}
