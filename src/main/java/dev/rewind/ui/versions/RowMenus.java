package dev.rewind.ui.versions;

import dev.rewind.domain.Version;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.Callback;

/**
 * The version menu on a row of the Versions table: the timeline's own menu for the timeline's version, opened by a
 * right-click, Shift+F10 or the menu key. The keys are handled here because not every platform (Monocle among
 * them) turns them into a context-menu request.
 */
final class RowMenus {
    private final TableView<VersionLine> table;
    private final VersionsViewModel vm;
    private final Callback<Version, ContextMenu> menus;
    private ContextMenu openMenu;

    RowMenus(TableView<VersionLine> table, VersionsViewModel vm, Callback<Version, ContextMenu> menus) {
        this.table = table;
        this.vm = vm;
        this.menus = menus;
    }

    void install() {
        table.setRowFactory(t -> {
            TableRow<VersionLine> row = new TableRow<>();
            // on the release, as the timeline does: Monocle and some desktops send no context-menu request
            row.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
                if (e.getButton() == MouseButton.SECONDARY && row.getItem() != null) {
                    table.getSelectionModel().clearAndSelect(row.getIndex());
                    showMenu(row.getItem(), e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
            return row;
        });
        table.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                menuAtSelected();
            }
            e.consume();
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown()) {
                menuAtSelected();
                e.consume();
            }
        });
    }

    private void menuAtSelected() {
        VersionLine line = table.getSelectionModel().getSelectedItem();
        Point2D at = table.localToScreen(table.getWidth() / 3, table.getHeight() / 3);
        if (line != null && at != null) {
            showMenu(line, at.getX(), at.getY());
        }
    }

    private void showMenu(VersionLine line, double x, double y) {
        Version v = vm.onTimeline(line.version().id());
        if (v == null) {
            return;
        }
        if (openMenu != null) {
            openMenu.hide();
        }
        openMenu = menus.call(v);
        if (openMenu != null) {
            openMenu.show(table, x, y);
        }
    }
}
