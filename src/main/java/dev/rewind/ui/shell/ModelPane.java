package dev.rewind.ui.shell;

import dev.rewind.domain.Abilities;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import dev.rewind.ui.common.DelayedSpinner;
import dev.rewind.ui.common.Tooltips;
import dev.rewind.ui.compare.CompareView;
import dev.rewind.ui.model.ModelTab;
import dev.rewind.ui.model.ModelViewModel;
import dev.rewind.ui.model.Permits;
import dev.rewind.ui.compare.CompareViewModel;
import dev.rewind.ui.details.ArtifactFilesViewModel;
import dev.rewind.ui.details.DetailsView;
import dev.rewind.ui.history.HistoryView;
import dev.rewind.ui.timeline.VersionTimeline;
import dev.rewind.ui.versions.VersionsView;
import dev.rewind.ui.versions.VersionsViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The selected model: a toolbar, its timeline, and the Details / Versions / History / Compare / Learn tabs. */
public final class ModelPane extends BorderPane {
    private final ModelViewModel vm;
    private final CompareViewModel compareVm;
    private final ArtifactFilesViewModel filesVm;
    private final VersionsViewModel versionsVm;
    private final VersionTimeline timeline = new VersionTimeline();
    private final MenuButton moveButton = new MenuButton("Deploy / Roll back");
    private final Button tagButton = new Button("Tag…");
    private final Label roleNote = new Label();
    private final TabPane tabs = new TabPane();
    private final SplitPane split = new SplitPane();
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<Abilities> abilities = new SimpleObjectProperty<>(Abilities.EVERYTHING);
    private final Map<ModelTab, Supplier<Node>> lazy = new EnumMap<>(ModelTab.class);

    public ModelPane(ModelViewModel vm, CompareViewModel compareVm, ArtifactFilesViewModel filesVm,
                     VersionsViewModel versionsVm) {
        this(vm, compareVm, filesVm, versionsVm, false);
    }

    /** With {@code tabsLater}, the tabs' place is kept empty until {@link #addTabs} (the window's first frame). */
    ModelPane(ModelViewModel vm, CompareViewModel compareVm, ArtifactFilesViewModel filesVm,
              VersionsViewModel versionsVm, boolean tabsLater) {
        this.vm = vm;
        this.compareVm = compareVm;
        this.filesVm = filesVm;
        this.versionsVm = versionsVm;
        setId("model-pane");
        createView(tabsLater);
        bind();
    }

    /** Puts the tabs in their place, the selected one filled; once. */
    void addTabs() {
        if (split.getItems().get(1) != tabs) {
            fill(tabs.getSelectionModel().getSelectedItem());
            double divider = split.getDividerPositions()[0];
            split.getItems().set(1, tabs);
            split.setDividerPositions(divider); // a replaced item would get a new divider, in the middle
        }
    }

    private void createView(boolean tabsLater) {
        Label title = new Label();
        title.setId("model-title");
        title.getStyleClass().add("title-4");
        title.textProperty().bind(vm.modelProperty());
        Label focus = new Label();
        focus.setId("focus-label");
        focus.getStyleClass().add("rw-muted");
        focus.textProperty().bind(Bindings.createStringBinding(() -> {
            Version v = vm.currentProperty().get();
            int n = vm.selection().size();
            return v == null ? "no version selected" : v.label() + (n > 1 ? " (+" + (n - 1) + " selected)" : "");
        }, vm.currentProperty(), vm.selection()));
        tagButton.setId("tag-button");
        moveButton.setId("move-button");
        Button fit = new Button("Fit");
        fit.setId("zoom-fit");
        fit.setOnAction(e -> timeline.zoomToFit());
        Button zoomIn = new Button("+");
        zoomIn.setOnAction(e -> timeline.zoom(0.7, 0.5));
        Button zoomOut = new Button("−");
        zoomOut.setOnAction(e -> timeline.zoom(1 / 0.7, 0.5));
        zoomIn.setId("zoom-in");
        zoomOut.setId("zoom-out");
        // a symbol says nothing to a screen reader; and the timeline's own keys (+, −, 0) zoom, so Tab skips these
        // three and goes from the list's actions straight to the timeline
        for (Button b : List.of(zoomIn, zoomOut, fit)) {
            String what = b == zoomIn ? "Zoom in" : b == zoomOut ? "Zoom out" : "Zoom to fit";
            b.setAccessibleText(what);
            Tooltips.onFirstHover(b, what + " (on the timeline: " + (b == zoomIn ? "+"
                    : b == zoomOut ? "−" : "0") + ")");
            b.setFocusTraversable(false);
        }
        DelayedSpinner busy = new DelayedSpinner(vm.loadingProperty(), 18);
        busy.setId("model-loading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // a disabled button shows no tooltip, so what the connected role may not do is said here
        roleNote.setId("role-note");
        roleNote.getStyleClass().add("rw-muted");
        roleNote.managedProperty().bind(roleNote.visibleProperty());
        roleNote.setMinWidth(0); // the note gives way before the buttons do
        roleNote.setVisible(false);
        HBox bar = new HBox(8, title, focus, busy, spacer, roleNote, tagButton, moveButton, zoomOut, zoomIn, fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("rw-toolbar");

        Label hint = new Label("Click a version to select it · Ctrl/Shift-click to add · drag to pan · wheel to zoom · right-click for actions");
        hint.getStyleClass().add("rw-hint-small");
        VBox top = new VBox(bar, new StackPane(timeline), hint);
        VBox.setVgrow(top.getChildren().get(1), Priority.ALWAYS);
        VBox.setMargin(hint, new Insets(0, 10, 4, 10));

        // only the tab in the first frame is built before it; the others when first shown (start-up time)
        tabs.getTabs().setAll(tab(ModelTab.DETAILS), tab(ModelTab.VERSIONS), tab(ModelTab.HISTORY),
                tab(ModelTab.COMPARE), tab(ModelTab.LEARN));
        lazy.put(ModelTab.DETAILS, () -> new DetailsView(vm, filesVm));
        // the table's version menu is the timeline's, and its selection is the timeline's
        lazy.put(ModelTab.VERSIONS, () -> new VersionsView(versionsVm, this::contextMenu, this::selectAndReveal,
                vm.currentProperty()));
        lazy.put(ModelTab.HISTORY, () -> new HistoryView(vm));
        lazy.put(ModelTab.COMPARE, () -> new CompareView(compareVm));
        lazy.put(ModelTab.LEARN, () -> placeholder("Learn mode: a guided story about versioning and rollback."));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, t) -> {
            fill(t);
            versionsVm.setShown(t != null && t.getUserData() == ModelTab.VERSIONS); // rows are read only for the tab
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");

        split.getItems().setAll(top, tabsLater ? new Region() : tabs);
        if (!tabsLater) {
            fill(tabs.getSelectionModel().getSelectedItem());
        }
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        setCenter(split);
    }

    private static Tab tab(ModelTab which) {
        Tab t = new Tab(which.title());
        t.setId(which.id());
        t.setUserData(which);
        return t;
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("rw-hint");
        l.setPadding(new Insets(16));
        return l;
    }

    private void bind() {
        timeline.loadingProperty().bind(vm.loadingProperty());
        timeline.dataProperty().bind(vm.timelineProperty());
        timeline.dataProperty().addListener((o, a, d) -> {
            if (timeline.currentProperty().get() == null && vm.initialVersion() != null
                    && d.contains(vm.initialVersion())) {
                // what the first protected target serves (else the newest): the usual question
                timeline.select(vm.initialVersion());
            }
        });
        timeline.currentProperty().bindBidirectional(vm.currentProperty());
        timeline.getSelection().addListener((ListChangeListener<Version>) c -> vm.selection().setAll(timeline.getSelection()));
        // what the connected role may not do is off, and its tooltip says which role it needs
        BooleanBinding mayNotTag = Bindings.createBooleanBinding(() -> Permits.edit(abilities.get()).isPresent(),
                abilities);
        BooleanBinding mayNotMove = Bindings.createBooleanBinding(() -> Permits.anyMove(abilities.get()).isPresent(),
                abilities);
        tagButton.disableProperty().bind(vm.currentProperty().isNull().or(readOnly).or(mayNotTag));
        moveButton.disableProperty().bind(vm.currentProperty().isNull().or(readOnly).or(mayNotMove));
        abilities.addListener((o, was, now) -> {
            String note = Permits.note(now).orElse(null);
            roleNote.setText(Permits.shortNote(now).orElse(""));
            roleNote.setTooltip(note == null ? null : new javafx.scene.control.Tooltip(note));
            roleNote.setVisible(note != null);
            tip(tagButton, Permits.edit(now).orElse(null));
            tip(moveButton, Permits.anyMove(now).orElse(null));
        });
        tagButton.setOnAction(e -> vm.requestTag(vm.currentProperty().get()));
        moveButton.setOnShowing(e -> moveButton.getItems().setAll(moveItems(vm.currentProperty().get(), "move-")));
        timeline.setContextMenuFactory(this::contextMenu);
    }

    private ContextMenu contextMenu(Version v) {
        ContextMenu menu = new ContextMenu();
        menu.setId("timeline-menu");
        MenuItem tag = new MenuItem("Tag " + v.label() + "…");
        tag.setId("ctx-tag");
        tag.setOnAction(e -> vm.requestTag(v));
        Menu untag = new Menu("Remove tag");
        untag.setId("ctx-untag");
        v.tags().keySet().forEach(k -> {
            MenuItem i = new MenuItem(k);
            i.setId("ctx-untag-" + k);
            i.setOnAction(e -> vm.requestUntag(v, k));
            untag.getItems().add(i);
        });
        untag.setDisable(v.tags().isEmpty());
        MenuItem compare = new MenuItem("Compare with live");
        compare.setId("ctx-compare");
        compare.setOnAction(e -> {
            timeline.select(v);
            select(ModelTab.COMPARE);
        });
        List<MenuItem> moves = moveItems(v, "ctx-move-");
        Permits.edit(abilities.get()).ifPresent(why -> {
            tag.setText(tag.getText() + " (" + roleOnly(why) + ")");
            tag.setDisable(true);
            untag.setDisable(true);
        });
        if (readOnly.get()) { // a read-only catalog: shown, so the person sees what is there, but not offered
            tag.setDisable(true);
            untag.setDisable(true);
            moves.forEach(i -> i.setDisable(true));
        }
        menu.getItems().addAll(tag, untag, new SeparatorMenuItem());
        menu.getItems().addAll(moves);
        menu.getItems().addAll(new SeparatorMenuItem(), compare);
        return menu;
    }

    /**
     * First the suggested rollback of each target ("Roll back production to 1.1.0 (last stable)…"), then one
     * item per target for {@code v}, worded by what it would do: "Roll back production to 1.1.0…".
     */
    private List<MenuItem> moveItems(Version v, String idPrefix) {
        List<MenuItem> items = new ArrayList<>();
        for (TargetState t : vm.targets()) {
            vm.rollbackSuggestion(t.name()).ifPresent(r -> {
                MenuItem i = new MenuItem(r.describe() + "…");
                i.setId(idPrefix + "suggested-" + t.name());
                i.setOnAction(e -> vm.requestSuggestedRollback(t.name()));
                items.add(i);
            });
        }
        if (!items.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        if (v == null) {
            return items;
        }
        for (TargetState t : vm.targets()) {
            MenuItem i = new MenuItem(moveText(t, v));
            i.setId(idPrefix + t.name());
            i.setDisable(v.label().equals(t.liveVersion()));
            Permits.move(abilities.get(), t).ifPresent(why -> {
                i.setText(i.getText() + " (" + roleOnly(why) + ")");
                i.setDisable(true);
            });
            i.setOnAction(e -> vm.requestMove(t.name(), v));
            items.add(i);
        }
        if (vm.targets().isEmpty()) {
            MenuItem none = new MenuItem("No targets (add one with 'rewind target add')");
            none.setDisable(true);
            items.add(none);
        }
        return items;
    }

    private String moveText(TargetState t, Version v) {
        if (v.label().equals(t.liveVersion())) {
            return t.name() + " already serves " + v.label();
        }
        Version live = vm.timelineProperty().get().withLabel(t.liveVersion());
        if (live != null && v.seq() < live.seq()) {
            return "Roll back " + t.name() + " to " + v.label() + "…";
        }
        return "Deploy " + v.label() + " to " + t.name() + "…";
    }

    /** Selects a version on the timeline and pans to it when it is out of view. */
    private void selectAndReveal(Version v) {
        timeline.select(v);
        double at = v.createdAt().toEpochMilli();
        double start = timeline.viewStartProperty().get();
        double end = timeline.viewEndProperty().get();
        if (at < start || at > end) {
            timeline.viewStartProperty().set(at - (end - start) / 2);
            timeline.viewEndProperty().set(at + (end - start) / 2);
        }
    }

    /** A menu item has no tooltip: it names the missing role after its text ("needs rewind_releaser"). */
    private static String roleOnly(String why) {
        int needs = why.indexOf("needs ");
        int comma = why.indexOf(',', Math.max(needs, 0));
        String s = needs < 0 ? why : why.substring(needs, comma < 0 ? why.length() : comma);
        return s.replace("the PostgreSQL role ", "");
    }

    private static void tip(javafx.scene.control.Control c, String text) {
        c.setTooltip(text == null ? null : new javafx.scene.control.Tooltip(text));
    }

    /** What the connected user may change: what they may not is turned off, with the role it needs. */
    public ObjectProperty<Abilities> abilitiesProperty() {
        return abilities;
    }

    /** Set while the open catalog is read-only: tag, deploy and roll back are turned off. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public VersionTimeline timeline() {
        return timeline;
    }

    public TabPane tabs() {
        return tabs;
    }

    public void select(ModelTab which) {
        tabs.getSelectionModel().select(which.ordinal());
    }

    /** The tab open now. */
    public ObservableValue<ModelTab> selectedTab() {
        return Bindings.createObjectBinding(() -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            return t == null ? null : (ModelTab) t.getUserData();
        }, tabs.getSelectionModel().selectedItemProperty());
    }

    /**
     * What a tab shows, built when the tab is first shown (the Learn tab's intro comes from the window, which knows
     * Learn mode).
     */
    public void setContent(ModelTab which, Supplier<Node> content) {
        Tab t = tabs.getTabs().get(which.ordinal());
        lazy.put(which, content);
        if (t.getContent() != null || t.isSelected()) {
            t.setContent(null);
            fill(t);
        }
    }

    private void fill(Tab t) {
        if (t != null && t.getContent() == null) {
            Node content = lazy.get((ModelTab) t.getUserData()).get();
            if (content.getAccessibleText() == null) { // a screen reader names the panel by its tab
                content.setAccessibleText(t.getText() + " tab");
            }
            t.setContent(content);
        }
    }
}
