package dev.rewind.ui.history;

import dev.rewind.domain.Event;
import dev.rewind.domain.MoveOverride;
import dev.rewind.domain.EventKind;
import dev.rewind.domain.TargetState;
import dev.rewind.ui.common.Formats;
import dev.rewind.ui.model.ModelViewModel;
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
        HBox bar = new HBox(8, new Label("Kind"), kind, new Label("Target"), target, text);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        setTop(bar);
        setCenter(table());
    }

    private TableView<Event> table() {
        TableView<Event> t = new TableView<>(new SortedList<>(filtered));
        t.setId("history-table");
        t.setPlaceholder(new Label("No events"));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().setAll(java.util.List.of(
                column("When", 150, e -> Formats.time(e.at())),
                column("Kind", 80, e -> e.kind().id()),
                column("Target", 90, e -> e.target() == null ? "" : e.target()),
                column("Change", 150, HistoryView::change),
                column("Actor", 80, Event::actor),
                column("Host", 110, Event::host),
                column("Reason", 300, e -> e.reason() == null ? "" : e.reason()),
                column("Proof", 200, e -> vm.proof(e.id()))));
        return t;
    }

    private static TableColumn<Event, String> column(String title, double width, Function<Event, String> f) {
        TableColumn<Event, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setSortable(false);
        return c;
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
