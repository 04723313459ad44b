package dev.rewind.ui.history;

import dev.rewind.domain.Event;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.TargetState;
import dev.rewind.ui.common.ColumnFit;
import dev.rewind.ui.common.Formats;
import dev.rewind.ui.model.ModelViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** Every event of the model, newest first, filterable by kind, target and text. */
public final class HistoryView extends BorderPane {
    static final String ALL = "All";
    private final ModelViewModel vm;
    private final FilteredList<Event> filtered;
    private final ComboBox<String> kind = new ComboBox<>();
    private final ComboBox<String> target = new ComboBox<>();
    private final TextField text = new TextField();
    /** How many of the newest events the column widths are measured on: enough to be typical, cheap at any size. */
    private static final int FIT_SAMPLE = 300;
    private static final double REASON_MIN = 200;
    private final TableColumn<Event, String> reason = column("Reason", e -> e.reason() == null ? "" : e.reason());
    /** The bar's first label, styled like the table's text: what column widths are measured with. */
    private final Label styledLike = new Label("Kind");
    private final ColumnFit fit = new ColumnFit(styledLike);
    private final TableView<Event> table;

    public HistoryView(ModelViewModel vm) {
        this.vm = vm;
        setId("history");
        filtered = new FilteredList<>(vm.events());
        kind.setId("history-kind");
        kind.getItems().add(ALL);
        for (EventKind k : EventKind.values()) {
            kind.getItems().add(k.id());
        }
        kind.setValue(ALL);
        target.setId("history-target");
        target.getItems().add(ALL);
        target.setValue(ALL);
        // the tab is built when first shown: the model's targets may be there already
        fillTargets();
        vm.targets().addListener((javafx.collections.ListChangeListener<TargetState>) c -> fillTargets());
        text.setId("history-filter");
        text.setPromptText("Search reason, actor, version…");
        kind.valueProperty().addListener(o -> refilter());
        target.valueProperty().addListener(o -> refilter());
        text.textProperty().addListener(o -> refilter());
        HBox bar = new HBox(8, styledLike, kind, new Label("Target"), target, text);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        bar.setPadding(new Insets(8));
        setTop(bar);
        table = table();
        setCenter(table);
        // measured with the theme's font once the view is in a scene; again when the events or targets arrive
        styledLike.sceneProperty().addListener((o, a, scene) -> fitColumns());
        vm.events().addListener((javafx.collections.ListChangeListener<Event>) c -> fitColumns());
        fitColumns();
    }

    private TableView<Event> table() {
        TableView<Event> t = new TableView<>(new SortedList<>(filtered));
        t.setId("history-table");
        t.setPlaceholder(new Label("No events"));
        // fitted columns and a Reason that takes the slack: times, kinds and changes are never cut to "…"; at a
        // narrow window the table scrolls sideways to Host and Proof rather than squeezing the columns
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        t.getColumns().setAll(java.util.List.of(
                column("When", e -> Formats.time(e.at())),
                column("Kind", e -> e.kind().id()),
                column("Target", e -> e.target() == null ? "" : e.target()),
                column("Change", HistoryView::changeShown),
                column("Actor", Event::actor),
                reason,
                column("Host", Event::host),
                column("Proof", e -> vm.proof(e.id()))));
        reason.setMinWidth(REASON_MIN);
        // a long reason ends in "…" at a narrow window: the whole text is a hover away
        reason.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        t.getColumns().forEach(c -> c.widthProperty().addListener(o -> fitReason(t)));
        t.widthProperty().addListener(o -> fitReason(t));
        return t;
    }

    /** Fits the columns to a sample of the events (the newest), every kind and every target name. */
    private void fitColumns() {
        List<Event> sample = vm.events().subList(0, Math.min(FIT_SAMPLE, vm.events().size()));
        List<TableColumn<Event, ?>> cols = table.getColumns();
        fit.apply(cols.get(0), List.of(Instant.now()), Formats::time, false);
        fit.apply(cols.get(1), List.of(EventKind.values()), EventKind::id, false);
        List<String> targets = new ArrayList<>();
        vm.targets().forEach(x -> targets.add(x.name()));
        sample.forEach(e -> targets.add(e.target()));
        fit.apply(cols.get(2), targets, x -> x, false);
        fit.apply(cols.get(3), sample, HistoryView::changeShown, false);
        fit.apply(cols.get(4), sample, Event::actor, false);
        fit.apply(cols.get(6), sample, Event::host, false);
        fitReason(table);
    }

    private void fitReason(TableView<Event> t) {
        double others = t.getColumns().stream().filter(c -> c != reason).mapToDouble(TableColumn::getWidth).sum();
        // the vertical scroll bar's width, so Reason's end is not under it
        reason.setPrefWidth(Math.max(REASON_MIN, t.getWidth() - others - 20));
    }

    private static TableColumn<Event, String> column(String title, Function<Event, String> f) {
        TableColumn<Event, String> c = new TableColumn<>(title);
        c.setPrefWidth(60);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setSortable(false);
        return c;
    }

    /**
     * The change, and for a move read from another registry when that registry says it happened, marked "≈" as
     * {@code rewind history} prints it: the When column is the import's own time, years after the move.
     */
    static String changeShown(Event e) {
        return e.effectiveAt() == null ? change(e) : change(e) + " ≈ " + Formats.time(e.effectiveAt());
    }

    static String change(Event e) {
        return switch (e.kind()) {
            case IMPORT -> e.target() == null ? e.version()
                    : (e.fromVersion() == null ? "∅" : e.fromVersion()) + " → " + e.toVersion();
            case DEPLOY, ROLLBACK -> (e.fromVersion() == null ? "∅" : e.fromVersion()) + " → " + e.toVersion()
                    + MoveOverride.describe(e.overrides());
            case TAG -> e.version() + " +" + e.tagKey() + (e.tagValue() == null ? "" : "=" + e.tagValue());
            case UNTAG -> e.version() + " −" + e.tagKey();
            case REGISTER -> e.version();
            case TARGET -> "";
            case PROTECT -> "protected";
            case UNPROTECT -> "unprotected";
            case GUARD -> "guards: " + e.tagValue();
            case RETIRE -> "retired";
        };
    }

    private void fillTargets() {
        String keep = target.getValue();
        target.getItems().setAll(ALL);
        vm.targets().forEach(t -> target.getItems().add(t.name()));
        target.setValue(target.getItems().contains(keep) ? keep : ALL);
    }

    private void refilter() {
        String k = kind.getValue();
        String tg = target.getValue();
        String needle = text.getText() == null ? "" : text.getText().toLowerCase(Locale.ROOT).strip();
        filtered.setPredicate(e -> (k == null || ALL.equals(k) || e.kind().id().equals(k))
                && (tg == null || ALL.equals(tg) || tg.equals(e.target()))
                && (needle.isEmpty() || (change(e) + " " + e.actor() + " " + e.host() + " " + e.reason())
                .toLowerCase(Locale.ROOT).contains(needle)));
    }
}
