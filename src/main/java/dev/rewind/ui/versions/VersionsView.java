package dev.rewind.ui.versions;

import dev.rewind.domain.Version;
import dev.rewind.ui.common.ColumnFit;
import dev.rewind.ui.common.Formats;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

/**
 * The Versions tab: a filter field ({@code --where} grammar), a column picker and a virtualized table whose
 * selection follows the timeline's both ways; its version menu is the timeline's own.
 */
public final class VersionsView extends BorderPane {
    private final VersionsViewModel vm;
    private final Consumer<Version> select;
    private final ObservableValue<Version> current;
    private final TableView<VersionLine> table = new TableView<>();
    private final MenuButton columns = new MenuButton("Columns");
    private boolean following;
    /** How many rows the column widths are measured on: the first ones shown, cheap at any size. */
    private static final int FIT_SAMPLE = 300;
    /** The widest a tags or targets column grows; its cells show the whole text in a tooltip. */
    private static final double FREE_TEXT_MOST = 170;
    private final Label count = new Label();
    private final ColumnFit fit = new ColumnFit(count);

    /**
     * {@code menus} builds the timeline's version menu, {@code select} selects a version on the timeline, and
     * {@code current} is the version in focus there.
     */
    public VersionsView(VersionsViewModel vm, Callback<Version, ContextMenu> menus, Consumer<Version> select,
                        ObservableValue<Version> current) {
        this.vm = vm;
        this.select = select;
        this.current = current;
        setId("versions");
        setTop(filterBar());
        setCenter(tableWithSpinner());
        bindColumns();
        bindSelection();
        new RowMenus(table, vm, menus).install();
    }

    private VBox filterBar() {
        TextField filter = new TextField();
        filter.setId("versions-filter");
        filter.setPromptText("Filter as rewind versions --where: stable and auc>0.9 and owner=ana");
        filter.setAccessibleText("Filter versions");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        columns.setId("versions-columns");
        count.setId("versions-count");
        count.getStyleClass().add("rw-muted");
        count.textProperty().bind(javafx.beans.binding.Bindings.size(vm.rows()).asString("%,d shown"));
        HBox bar = new HBox(8, filter, columns, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("versions-filter-error");
        error.getStyleClass().add("rw-danger");
        error.textProperty().bind(vm.filterErrorProperty());
        error.visibleProperty().bind(vm.filterErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox top = new VBox(4, bar, error);
        top.setPadding(new Insets(8));
        return top;
    }

    private StackPane tableWithSpinner() {
        table.setId("versions-table");
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.SINGLE);
        table.setItems(vm.rows());
        Label empty = new Label();
        empty.setId("versions-empty");
        empty.getStyleClass().add("rw-hint");
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(vm.loadingProperty())
                .then("Reading versions…").otherwise(vm.emptyTextProperty()));
        table.setPlaceholder(empty);
        // widths are fitted to the rows shown (fitColumns): at 1024 px the metric columns stay in view
        table.getColumns().setAll(column(VersionColumn.LABEL, "Label", l -> l.version().label(), 50),
                column(VersionColumn.SEQ, "#", l -> Long.toString(l.version().seq()), 40),
                column(VersionColumn.CREATED, "Created", l -> Formats.time(l.version().createdAt()), 60),
                column(VersionColumn.AUTHOR, "Author", VersionsView::author, 50),
                withTooltips(column(VersionColumn.TAGS, "Tags", VersionLine::tagsText, 50)),
                withTooltips(column(VersionColumn.LIVE, "Live on", VersionLine::liveText, 50)));
        vm.rows().addListener((ListChangeListener<VersionLine>) c -> fitColumns());
        count.sceneProperty().addListener((o, was, scene) -> fitColumns());
        TableColumn<VersionLine, ?> seq = table.getColumns().get(1);
        seq.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(seq); // the view-model's first order: newest first
        // the view-model sorts (in the background, missing values last); the table only shows its order
        table.setSortPolicy(t -> {
            sortChanged();
            return true;
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("versions-loading");
        busy.setMaxSize(40, 40);
        busy.visibleProperty().bind(vm.loadingProperty());
        busy.setMouseTransparent(true);
        return new StackPane(table, busy);
    }

    private static String author(VersionLine l) {
        return l.version().author() == null ? "" : l.version().author();
    }

    /** Fits each column to its header and the first rows' texts; free text is capped, metrics are not. */
    private void fitColumns() {
        List<VersionLine> sample = vm.rows().subList(0, Math.min(FIT_SAMPLE, vm.rows().size()));
        for (TableColumn<VersionLine, ?> c : table.getColumns()) {
            VersionColumn which = (VersionColumn) c.getUserData();
            Function<VersionLine, String> text = l -> String.valueOf(c.getCellData(l) == null ? "" : c.getCellData(l));
            if (which == VersionColumn.CREATED) { // one fixed format: one sample is enough
                fit.apply(c, List.of(java.time.Instant.now()), Formats::time, false);
            } else if (which == VersionColumn.TAGS || which == VersionColumn.LIVE) {
                fit.apply(c, sample, text, false, FREE_TEXT_MOST);
            } else {
                fit.apply(c, sample, text, false);
            }
        }
    }

    private static TableColumn<VersionLine, String> withTooltips(TableColumn<VersionLine, String> c) {
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return c;
    }

    private static TableColumn<VersionLine, String> column(VersionColumn which, String title,
                                                           Function<VersionLine, String> text, double width) {
        TableColumn<VersionLine, String> c = new TableColumn<>(title);
        c.setId(which.id());
        c.setUserData(which);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }

    private void sortChanged() {
        TableColumn<VersionLine, ?> first = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
        VersionColumn by = first == null ? VersionColumn.SEQ : (VersionColumn) first.getUserData();
        boolean descending = first == null || first.getSortType() == TableColumn.SortType.DESCENDING;
        if (!by.equals(vm.sortColumnProperty().get()) || descending != vm.descendingProperty().get()) {
            vm.sortBy(by, descending);
        }
    }

    private void bindColumns() {
        vm.metricKeys().addListener((ListChangeListener<String>) c -> fillPicker());
        vm.pickedMetrics().addListener((ListChangeListener<String>) c -> {
            fillPicker();
            showMetricColumns();
        });
        fillPicker();
        showMetricColumns();
    }

    private void fillPicker() {
        columns.getItems().clear();
        java.util.Set<String> offered = new java.util.LinkedHashSet<>(vm.metricKeys());
        offered.addAll(vm.pickedMetrics()); // a saved column whose metric is gone can still be taken away
        for (String key : offered) {
            CheckMenuItem item = new CheckMenuItem(key);
            item.setId("versions-column-" + key);
            item.setSelected(vm.pickedMetrics().contains(key));
            item.selectedProperty().addListener((o, was, on) -> vm.pick(key, on));
            columns.getItems().add(item);
        }
        columns.setDisable(offered.isEmpty());
    }

    private void showMetricColumns() {
        table.getColumns().removeIf(c -> ((VersionColumn) c.getUserData()).kind() == VersionColumn.Kind.METRIC);
        for (String key : vm.pickedMetrics()) {
            TableColumn<VersionLine, String> c = column(VersionColumn.metric(key), key,
                    l -> l.metric(key) == null ? "" : Formats.number(l.metric(key)), 60);
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
            table.getColumns().add(c);
            fit.apply(c, vm.rows().subList(0, Math.min(FIT_SAMPLE, vm.rows().size())),
                    l -> l.metric(key) == null ? "" : Formats.number(l.metric(key)), false);
            if (c.getUserData().equals(vm.sortColumnProperty().get())) {
                c.setSortType(vm.descendingProperty().get() ? TableColumn.SortType.DESCENDING
                        : TableColumn.SortType.ASCENDING);
                table.getSortOrder().setAll(c);
            }
        }
    }

    private void bindSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, line) -> {
            if (following || line == null) {
                return;
            }
            Version v = vm.onTimeline(line.version().id());
            if (v != null && !v.equals(current.getValue())) {
                following = true;
                try {
                    select.accept(v);
                } finally {
                    following = false;
                }
            }
        });
        current.addListener((o, was, v) -> follow(v));
        vm.rows().addListener((ListChangeListener<VersionLine>) c -> follow(current.getValue()));
        follow(current.getValue());
    }

    /** Selects and scrolls to the row of the timeline's version in focus. */
    private void follow(Version v) {
        if (following) {
            return;
        }
        following = true;
        try {
            int i = v == null ? -1 : vm.indexOf(v.id());
            if (i < 0) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedIndex() != i) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 2));
            }
        } finally {
            following = false;
        }
    }
}
