package dev.rewind.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.rewind.domain.ModelSummary;
import dev.rewind.ui.learn.LearnIntro;
import dev.rewind.ui.learn.LearnPanel;
import dev.rewind.ui.learn.TourOffer;
import dev.rewind.ui.model.ModelPane;
import java.io.File;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The main window's content: menus, model list on the left, the selected model, a status bar. */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final TextField filter = new TextField();
    private final ListView<ModelSummary> modelList = new ListView<>();
    private final ModelPane modelPane;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        this.modelPane = new ModelPane(vm.model(), vm.compare());
        getStyleClass().add("rw-main");
        setTop(new VBox(menuBar(), new TourOffer(vm.learn())));
        setCenter(body());
        setRight(new LearnPanel(vm.learn()));
        setBottom(statusBar());
        bind();
        bindLearnMode();
    }

    /** The Learn tab's intro, and what the tour's checks need to know about the tabs. */
    private void bindLearnMode() {
        TabPane tabs = modelPane.tabs();
        tabs.getTabs().stream().filter(t -> "tab-learn".equals(t.getId())).findFirst()
                .ifPresent(t -> t.setContent(new LearnIntro(vm.learn())));
        vm.learn().tabProperty().bind(Bindings.createStringBinding(() -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            return t == null ? null : t.getId();
        }, tabs.getSelectionModel().selectedItemProperty()));
        // the sandbox holds one model: its list gives way to the panel while the tour runs
        SplitPane body = (SplitPane) getCenter();
        Node sidebar = body.getItems().get(0);
        vm.learn().activeProperty().addListener((o, was, on) -> {
            if (on) {
                tabs.getSelectionModel().select(0); // the story starts on Details
                body.getItems().remove(sidebar);
            } else if (!body.getItems().contains(sidebar)) {
                body.getItems().add(0, sidebar);
                body.setDividerPositions(0.2);
            }
        });
    }

    private SplitPane body() {
        filter.setId("model-filter");
        filter.setPromptText("Filter models  (Ctrl+F)");
        modelList.setId("model-list");
        modelList.setCellFactory(l -> new ModelCell());
        Label empty = new Label("No models yet.\nRegister one with 'rewind register'.");
        empty.setWrapText(true);
        modelList.setPlaceholder(empty);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(32, 32);
        spinner.visibleProperty().bind(vm.loadingProperty());
        StackPane listStack = new StackPane(modelList, spinner);
        VBox.setVgrow(listStack, Priority.ALWAYS);
        VBox left = new VBox(8, filter, listStack);
        left.setPadding(new Insets(8));
        left.setMinWidth(200);
        left.getStyleClass().add("rw-sidebar");
        SplitPane split = new SplitPane(left, modelPane);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(left, false);
        return split;
    }

    private MenuBar menuBar() {
        MenuItem newCatalog = new MenuItem("New catalog…");
        newCatalog.setOnAction(e -> chooseCatalog(true));
        MenuItem openCatalog = new MenuItem("Open catalog…");
        openCatalog.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openCatalog.setOnAction(e -> chooseCatalog(false));
        Menu recent = new Menu("Recent catalogs");
        recent.setId("menu-recent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            vm.recent().forEach(p -> {
                MenuItem i = new MenuItem(p);
                i.setOnAction(x -> vm.open(Path.of(p), MainViewModel.OpenMode.EXISTING));
                recent.getItems().add(i);
            });
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none)");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem("(none)"));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        MenuItem importFolder = new MenuItem("Import from MLflow (mlruns/ folder)…");
        importFolder.setId("menu-import-folder");
        importFolder.setOnAction(e -> vm.importer().requestImport(true));
        MenuItem importDb = new MenuItem("Import from MLflow (mlflow.db)…");
        importDb.setId("menu-import-db");
        importDb.setOnAction(e -> vm.importer().requestImport(false));
        // no import while an import runs, nor into a Learn-mode sandbox
        importFolder.disableProperty().bind(vm.importer().runningProperty().or(vm.learn().activeProperty()));
        importDb.disableProperty().bind(vm.importer().runningProperty().or(vm.learn().activeProperty()));
        Menu file = new Menu("File", null, newCatalog, openCatalog, recent, new SeparatorMenuItem(), importFolder,
                importDb, new SeparatorMenuItem(), quit);

        MenuItem undo = new MenuItem("Undo last deploy/rollback");
        undo.setId("menu-undo");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.disableProperty().bind(vm.model().lastMoveProperty().isNull());
        undo.setOnAction(e -> vm.model().undoLast());
        MenuItem refresh = new MenuItem("Refresh");
        refresh.setAccelerator(KeyCombination.keyCombination("F5"));
        refresh.setOnAction(e -> vm.refresh());
        MenuItem find = new MenuItem("Filter models");
        find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        find.setOnAction(e -> filter.requestFocus());
        Menu edit = new Menu("Edit", null, undo, refresh, find);

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        MenuItem fit = new MenuItem("Zoom to fit");
        fit.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        fit.setOnAction(e -> modelPane.timeline().zoomToFit());
        Menu view = new Menu("View", null, dark, fit);

        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> info("Keyboard shortcuts", SHORTCUTS));
        MenuItem about = new MenuItem("About Rewind");
        about.setOnAction(e -> info("About Rewind", "Rewind — see model history, compare versions, roll back safely.\n"
                + "Catalog: " + vm.catalogPathProperty().get()));
        MenuItem learn = new MenuItem("Learn mode (5-minute tour)");
        learn.setId("menu-learn");
        learn.disableProperty().bind(vm.learn().activeProperty());
        learn.setOnAction(e -> vm.learn().start());
        Menu help = new Menu("Help", null, learn, new SeparatorMenuItem(), keys, about);
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    static final String SHORTCUTS = String.join("\n",
            "Timeline (click it first)",
            "  Left / Right          previous / next version",
            "  Ctrl+Left / Right     pan",
            "  + / -                 zoom in / out",
            "  0 or Home             zoom to fit",
            "  Ctrl/Shift-click      add a version to the selection",
            "  Right-click           tag, roll back, deploy",
            "",
            "Window",
            "  Ctrl+F                filter models",
            "  Ctrl+Z                undo the last deploy/rollback",
            "  F5                    refresh",
            "  Ctrl+O                open a catalog",
            "  Ctrl+Shift+D          dark theme");

    private HBox statusBar() {
        Label catalog = new Label();
        catalog.setId("status-catalog");
        catalog.textProperty().bind(vm.catalogPathProperty());
        Label change = new Label();
        change.setId("status-change");
        change.textProperty().bind(vm.lastChangeProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox importing = importProgress();
        HBox bar = new HBox(16, catalog, spacer, importing, change, status);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("rw-status-bar");
        return bar;
    }

    /** Shown while an import runs: what it is doing, how far, and Cancel. */
    private HBox importProgress() {
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("import-progress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(vm.importer().progressProperty());
        Label what = new Label();
        what.textProperty().bind(vm.importer().messageProperty());
        javafx.scene.control.Button cancel = new javafx.scene.control.Button("Cancel import");
        cancel.setId("import-cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> vm.importer().cancel());
        HBox box = new HBox(8, what, bar, cancel);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.importer().runningProperty());
        box.managedProperty().bind(vm.importer().runningProperty());
        return box;
    }

    private void bind() {
        filter.textProperty().bindBidirectional(vm.filterProperty());
        modelList.setItems(vm.models());
        modelList.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null) {
                vm.selectedModelProperty().set(m);
            }
        });
        vm.selectedModelProperty().addListener((o, a, m) -> {
            if (m != null && modelList.getSelectionModel().getSelectedItem() != m) {
                modelList.getSelectionModel().select(m);
            }
        });
        vm.errorProperty().addListener((o, a, message) -> {
            if (message != null && getScene() != null) {
                Alert alert = new Alert(Alert.AlertType.ERROR, message);
                alert.setHeaderText("Rewind could not do that");
                alert.getDialogPane().setId("error-dialog");
                alert.initOwner(getScene().getWindow());
                alert.show();
            }
        });
        vm.darkProperty().addListener((o, a, dark) -> applyTheme(dark));
    }

    /** Switches the AtlantaFX theme for the whole application. */
    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void chooseCatalog(boolean create) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(create ? "New catalog" : "Open catalog");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rewind catalog (*.db)", "*.db"));
        File f = create ? chooser.showSaveDialog(getScene().getWindow()) : chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.open(f.toPath(), create ? MainViewModel.OpenMode.CREATE_EMPTY : MainViewModel.OpenMode.EXISTING);
        }
    }

    private void info(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(text);
        l.setStyle("-fx-font-family: monospace;");
        a.getDialogPane().setContent(l);
        a.initOwner(getScene().getWindow());
        a.show();
    }

    public ModelPane modelPane() {
        return modelPane;
    }

    /** A model with its live version per target, e.g. "production 1.1.0 · staging 2.0.0". */
    private static final class ModelCell extends ListCell<ModelSummary> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        ModelCell() {
            name.getStyleClass().add("rw-model-name");
            detail.getStyleClass().add("rw-model-detail");
            setPrefWidth(0); // follow the list's width and ellipsize instead of scrolling sideways
            name.setMinWidth(0);
            detail.setMinWidth(0);
        }

        @Override
        protected void updateItem(ModelSummary m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(m.name());
            String live = m.targets().stream().filter(t -> t.liveVersion() != null)
                    .map(t -> t.name() + " " + t.liveVersion()).collect(Collectors.joining(" · "));
            detail.setText((live.isEmpty() ? "not deployed" : live) + " · " + m.versionCount() + " versions");
            setGraphic(box);
            setText(null);
        }
    }
}
