package dev.rewind.ui.details;

import dev.rewind.domain.Direction;
import dev.rewind.domain.Metrics;
import dev.rewind.domain.Version;
import dev.rewind.ui.common.Formats;
import dev.rewind.ui.model.ModelViewModel;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The version in focus: metrics with direction, params, tags, lineage, artifact, description, deployments. */
public final class DetailsView extends ScrollPane {
    private final ModelViewModel vm;
    private final ArtifactFilesViewModel filesVm;
    private final ArtifactFilesView files;
    private final VBox content = new VBox(14);

    public DetailsView(ModelViewModel vm, ArtifactFilesViewModel filesVm) {
        this.vm = vm;
        this.filesVm = filesVm;
        this.files = new ArtifactFilesView(filesVm);
        setId("details");
        setFitToWidth(true);
        content.setPadding(new Insets(12));
        setContent(content);
        // the timeline holds light rows: what is shown is the full version, read when it came into focus
        vm.currentProperty().addListener((o, a, v) -> show(vm.detailsProperty().get()));
        vm.detailsProperty().addListener((o, a, v) -> show(v));
        vm.timelineProperty().addListener((o, a, d) -> show(vm.detailsProperty().get()));
        // what is read already (the window's first frame builds this view after the first version came into focus)
        show(vm.detailsProperty().get());
    }

    private void show(Version full) {
        content.getChildren().clear();
        Version focus = vm.currentProperty().get();
        Version v = full != null && focus != null && full.id() == focus.id() ? full : null;
        filesVm.show(v);
        if (v == null && focus != null) {
            // the title is known from the timeline's row; the rest follows in a moment
            Label title = new Label(focus.model() + " " + focus.label());
            title.getStyleClass().add("title-3");
            title.setId("details-title");
            Label reading = new Label("Reading " + focus.label() + "…");
            reading.getStyleClass().add("rw-hint");
            reading.setId("details-reading");
            content.getChildren().addAll(title, reading);
            return;
        }
        if (v == null) {
            Label hint = new Label("Select a version on the timeline to see its details.");
            hint.getStyleClass().add("rw-hint");
            hint.setId("details-empty");
            content.getChildren().add(hint);
            return;
        }
        Label title = new Label(v.model() + " " + v.label());
        title.getStyleClass().add("title-3");
        title.setId("details-title");
        title.setContextMenu(titleMenu(v));
        Label sub = new Label("#" + v.seq() + " · registered " + Formats.time(v.createdAt()) + " by " + v.author());
        sub.getStyleClass().add("rw-muted");
        FlowPane tags = new FlowPane(6, 6);
        tags.setId("details-tags");
        v.tags().forEach((k, val) -> tags.getChildren().add(chip(k, val)));
        if (v.tags().isEmpty()) {
            tags.getChildren().add(muted("no tags"));
        }
        // the reference is what `rewind path` and scripts take
        HBox titleRow = new HBox(8, title,
                Values.copyButton("details-reference-copy", "Copy reference", v.model() + ":" + v.label()));
        titleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        content.getChildren().addAll(new VBox(2, titleRow, sub), tags);
        if (v.description() != null && !v.description().isBlank()) {
            Label d = new Label(v.description());
            d.setWrapText(true);
            d.setId("details-description");
            content.getChildren().add(d);
        }
        HBox columns = new HBox(24, section("Metrics", metrics(v, vm.directions()), "details-metrics"),
                section("Params", pairs(v.params()), "details-params"),
                section("Lineage and artifact", lineage(v), "details-lineage"));
        columns.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        List<String> deployments = vm.deployments(v);
        VBox deployed = new VBox(2);
        deployed.setId("details-deployments");
        if (deployments.isEmpty()) {
            deployed.getChildren().add(muted("never deployed"));
        } else {
            deployments.forEach(line -> deployed.getChildren().add(new Label(line)));
        }
        content.getChildren().addAll(columns, files, section("Deployed", deployed, null));
    }

    /** The version's names for the clipboard: its label, and the reference {@code rewind path} reads. */
    private static javafx.scene.control.ContextMenu titleMenu(Version v) {
        javafx.scene.control.MenuItem label = new javafx.scene.control.MenuItem("Copy label " + v.label());
        label.setId("details-copy-label");
        label.setOnAction(e -> Values.copy(v.label()));
        String ref = v.model() + ":" + v.label();
        javafx.scene.control.MenuItem reference = new javafx.scene.control.MenuItem("Copy reference " + ref);
        reference.setId("details-copy-reference");
        reference.setOnAction(e -> Values.copy(ref));
        return new javafx.scene.control.ContextMenu(label, reference);
    }

    private static VBox section(String title, javafx.scene.Node body, String id) {
        Label h = new Label(title);
        h.getStyleClass().add("rw-section");
        VBox box = new VBox(6, h, body);
        if (id != null) {
            box.setId(id);
        }
        return box;
    }

    private static GridPane metrics(Version v, Map<String, Direction> directions) {
        GridPane g = grid();
        int row = 0;
        for (var e : v.metrics().entrySet()) {
            Direction d = Metrics.direction(e.getKey(), directions);
            Label key = new Label(e.getKey() + " " + d.arrow());
            key.setTooltip(new javafx.scene.control.Tooltip(d == Direction.HIGHER ? "higher is better" : "lower is better"));
            Label number = value(Formats.number(e.getValue()));
            number.setMinWidth(Region.USE_PREF_SIZE);
            g.addRow(row++, key, number);
        }
        if (row == 0) {
            g.addRow(0, muted("no metrics"));
        }
        return g;
    }

    private static GridPane pairs(Map<String, String> map) {
        GridPane g = grid();
        int row = 0;
        for (var e : map.entrySet()) {
            g.addRow(row++, new Label(e.getKey()), value(e.getValue()));
        }
        if (row == 0) {
            g.addRow(0, muted("no params"));
        }
        return g;
    }

    private static GridPane lineage(Version v) {
        GridPane g = grid();
        g.addRow(0, new Label("parent"), value(v.parentLabel() == null ? "—" : v.parentLabel()));
        g.addRow(1, new Label("source run"), v.sourceRun() == null ? value("—")
                : Values.identifier("details-source-run", v.sourceRun()));
        g.addRow(2, new Label("artifact"), v.artifact() == null ? value("—")
                : Values.identifier("details-artifact", v.artifact().uri()));
        g.addRow(3, new Label("sha256"), v.artifact() == null || v.artifact().sha256() == null ? value("—")
                : Values.identifier("details-sha256", v.artifact().sha256()));
        g.addRow(4, new Label("size"), value(v.artifact() == null ? "—" : Formats.bytes(v.artifact().size())));
        return g;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE); // in a narrow window the long values wrap, the keys stay whole
        g.getColumnConstraints().addAll(keys, new ColumnConstraints());
        return g;
    }

    private static Label value(String s) {
        return Values.value(s);
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("rw-muted");
        return l;
    }

    static Label chip(String key, String value) {
        Label l = new Label(value == null ? key : key + "=" + value);
        l.getStyleClass().addAll("rw-chip", "failed".equals(key) ? "rw-chip-failed"
                : "stable".equals(key) ? "rw-chip-stable" : "rw-chip-neutral");
        return l;
    }
}
