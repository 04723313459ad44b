package dev.rewind.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Params section: every param of the compared versions, a changed row marked and its changed values bold. */
final class ParamsTable extends VBox {
    private final TableView<ParamsDiff.Row> table = new TableView<>();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("Params");
    private List<String> shownVersions = List.of();

    ParamsTable(CompareViewModel vm) {
        setId("compare-params-section");
        table.setId("compare-params");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No params"));
        table.setRowFactory(t -> new ChangedRow());
        getChildren().setAll(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        vm.paramsProperty().addListener((o, a, d) -> show(d));
    }

    /** "Params · 2 of 5 differ": the section's title, so the count shows while the metrics are in front. */
    ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    private void show(ParamsDiff d) {
        long changed = d.changedCount();
        heading.set(d.versions().size() < 2 || d.rows().isEmpty() ? "Params"
                : "Params · " + changed + " of " + d.rows().size() + " differ");
        if (!d.versions().equals(shownVersions)) {
            shownVersions = d.versions();
            table.getColumns().setAll(columns(d.versions()));
        }
        table.getItems().setAll(d.rows());
    }

    private static List<TableColumn<ParamsDiff.Row, ?>> columns(List<String> versions) {
        List<TableColumn<ParamsDiff.Row, ?>> columns = new ArrayList<>();
        TableColumn<ParamsDiff.Row, String> key = new TableColumn<>("Param");
        key.setCellValueFactory(x -> new ReadOnlyStringWrapper(x.getValue().key()));
        key.setPrefWidth(170);
        key.setMinWidth(90);
        columns.add(key);
        for (int i = 0; i < versions.size(); i++) {
            int index = i;
            TableColumn<ParamsDiff.Row, ParamsDiff.Row> v = new TableColumn<>(versions.get(i) + (i == 0 ? " (base)" : ""));
            v.setId("compare-param-col-" + versions.get(i));
            v.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue()));
            v.setCellFactory(x -> new ValueCell(index));
            v.setPrefWidth(i == 0 ? 100 : 130);
            v.setMinWidth(60);
            columns.add(v);
        }
        return columns;
    }

    /** A row whose param differs in any version from the baseline carries {@code rw-param-changed}. */
    private static final class ChangedRow extends TableRow<ParamsDiff.Row> {
        @Override
        protected void updateItem(ParamsDiff.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("rw-param-changed");
            if (!empty && row != null && row.changed()) {
                getStyleClass().add("rw-param-changed");
            }
        }
    }

    /** A version's value of the param; "not set" when it has none; bold where it differs from the baseline. */
    private static final class ValueCell extends TableCell<ParamsDiff.Row, ParamsDiff.Row> {
        private final int index;

        ValueCell(int index) {
            this.index = index;
        }

        @Override
        protected void updateItem(ParamsDiff.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("rw-changed", "rw-muted");
            if (empty || row == null) {
                setText(null);
                return;
            }
            String value = row.value(index);
            setText(value == null ? "not set" : value);
            if (value == null) {
                getStyleClass().add("rw-muted");
            }
            if (index > 0 && row.changed(index)) {
                getStyleClass().add("rw-changed");
            }
        }
    }
}
