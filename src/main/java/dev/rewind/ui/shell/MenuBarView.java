package dev.rewind.ui.shell;

import dev.rewind.service.OpenMode;
import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;

/** The main window's menus: File (catalogs, import, quit), Edit, View and Help. */
final class MenuBarView extends MenuBar {
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

    private final MainViewModel vm;

    /** {@code focusFilter} and {@code zoomToFit} act on views elsewhere in the window. */
    MenuBarView(MainViewModel vm, Runnable focusFilter, Runnable zoomToFit) {
        this.vm = vm;
        setId("menu-bar");
        getMenus().setAll(file(), edit(focusFilter), view(zoomToFit), help());
    }

    private Menu file() {
        MenuItem newCatalog = new MenuItem("New catalog…");
        newCatalog.setOnAction(e -> chooseCatalog(true));
        MenuItem openCatalog = new MenuItem("Open catalog…");
        openCatalog.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openCatalog.setOnAction(e -> chooseCatalog(false));
        MenuItem connect = new MenuItem("Connect to PostgreSQL…");
        connect.setId("menu-connect");
        connect.setOnAction(e -> connect());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        MenuItem importFolder = new MenuItem("Import from MLflow (mlruns/ folder)…");
        importFolder.setId("menu-import-folder");
        importFolder.setOnAction(e -> vm.importer().requestImport(true));
        MenuItem importDb = new MenuItem("Import from MLflow (mlflow.db)…");
        importDb.setId("menu-import-db");
        importDb.setOnAction(e -> vm.importer().requestImport(false));
        // no import while an import runs, nor into a Learn-mode sandbox, nor into a read-only catalog
        javafx.beans.binding.BooleanBinding mayNotImport = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> dev.rewind.ui.model.Permits.edit(vm.abilitiesProperty().get()).isPresent(),
                vm.abilitiesProperty());
        importFolder.disableProperty().bind(vm.importer().runningProperty().or(vm.learn().activeProperty())
                .or(vm.readOnlyProperty()).or(mayNotImport));
        importDb.disableProperty().bind(vm.importer().runningProperty().or(vm.learn().activeProperty())
                .or(vm.readOnlyProperty()).or(mayNotImport));
        return new Menu("File", null, newCatalog, openCatalog, connect, recent(), new SeparatorMenuItem(), importFolder,
                importDb, new SeparatorMenuItem(), quit);
    }

    private Menu recent() {
        Menu recent = new Menu("Recent catalogs");
        recent.setId("menu-recent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            vm.recent().forEach(p -> {
                MenuItem i = new MenuItem(p);
                i.setOnAction(x -> vm.openOrAsk(Path.of(p), false));
                recent.getItems().add(i);
            });
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none)");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem("(none)"));
        return recent;
    }

    private Menu edit(Runnable focusFilter) {
        MenuItem undo = new MenuItem("Undo last deploy/rollback");
        undo.setId("menu-undo");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.disableProperty().bind(vm.model().lastMoveProperty().isNull().or(vm.readOnlyProperty()));
        undo.setOnAction(e -> vm.model().undoLast());
        MenuItem refresh = new MenuItem("Refresh");
        refresh.setAccelerator(KeyCombination.keyCombination("F5"));
        refresh.setOnAction(e -> vm.refresh());
        MenuItem find = new MenuItem("Filter models");
        find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        find.setOnAction(e -> focusFilter.run());
        return new Menu("Edit", null, undo, refresh, find);
    }

    private Menu view(Runnable zoomToFit) {
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("menu-dark");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        MenuItem fit = new MenuItem("Zoom to fit");
        fit.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        fit.setOnAction(e -> zoomToFit.run());
        return new Menu("View", null, dark, fit);
    }

    private Menu help() {
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
        return new Menu("Help", null, learn, new SeparatorMenuItem(), keys, about);
    }

    private void chooseCatalog(boolean create) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(create ? "New catalog" : "Open catalog");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rewind catalog (*.db)", "*.db"));
        File f = create ? chooser.showSaveDialog(getScene().getWindow()) : chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            if (create) {
                vm.open(f.toPath(), OpenMode.CREATE_EMPTY);
            } else {
                vm.openOrAsk(f.toPath(), false);
            }
        }
    }

    private void connect() {
        ConnectDialog d = new ConnectDialog(System.getenv());
        d.initOwner(getScene().getWindow());
        d.showAndWait().ifPresent(vm::connect);
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
}
