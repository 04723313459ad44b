package dev.rewind.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import dev.rewind.ui.common.ErrorAlert;
import dev.rewind.ui.learn.LearnIntro;
import dev.rewind.ui.learn.LearnPanel;
import dev.rewind.ui.learn.TourOffer;
import dev.rewind.ui.shell.ModelPane;
import dev.rewind.ui.model.ModelTab;
import javafx.application.Application;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The main window's content: menus, model list on the left, the selected model, Learn's panel, a status bar. */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final ModelListView sidebar;
    private final ModelPane modelPane;
    private final SplitPane body;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        this.sidebar = new ModelListView(vm);
        this.modelPane = new ModelPane(vm.model(), vm.compare(), vm.artifactFiles(), vm.versions());
        getStyleClass().add("rw-main");
        body = new SplitPane(sidebar, modelPane);
        body.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(sidebar, false);
        setTop(new VBox(new MenuBarView(vm, sidebar::focusFilter, () -> modelPane.timeline().zoomToFit()),
                new TourOffer(vm.learn()), new ConnectionBanner(vm), new IntegrityBanner(vm.integrity()), new ReadOnlyBanner(vm)));
        modelPane.readOnlyProperty().bind(vm.readOnlyProperty());
        modelPane.abilitiesProperty().bind(vm.abilitiesProperty());
        setCenter(body);
        showLearnPanelOnFirstUse();
        // a model's History is read once its timeline is laid out, not while (it would take a core from the layout)
        vm.model().setAfterShown(r -> dev.rewind.ui.common.Pulses.afterNextLayout(this, r));
        // a model's History is read once its timeline is laid out, not while (it would take a core from the layout)
        vm.model().setAfterShown(r -> dev.rewind.ui.common.Pulses.afterNextLayout(this, r));
        setBottom(new StatusBarView(vm));
        bind();
        bindLearnMode();
    }

    /**
     * Learn's panel (a hundred nodes and a chart) is built when the tour first starts: the first frame, which never
     * shows it, is not kept waiting for its classes and CSS (start-up time).
     */
    private void showLearnPanelOnFirstUse() {
        if (vm.learn().activeProperty().get()) {
            setRight(new LearnPanel(vm.learn()));
            return;
        }
        vm.learn().activeProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean on) {
                if (on) {
                    o.removeListener(this);
                    setRight(new LearnPanel(vm.learn()));
                }
            }
        });
    }

    /** The Learn tab's intro, and what the tour's checks need to know about the tabs. */
    private void bindLearnMode() {
        modelPane.setContent(ModelTab.LEARN, () -> new LearnIntro(vm.learn()));
        vm.learn().tabProperty().bind(modelPane.selectedTab());
        // the sandbox holds one model: its list gives way to the panel while the tour runs
        double[] sidebarWidth = {0};
        vm.learn().activeProperty().addListener((o, was, on) -> {
            if (on) {
                modelPane.select(ModelTab.DETAILS); // the story starts on Details
                sidebarWidth[0] = sidebar.getWidth();
                body.getItems().remove(sidebar);
            } else if (!body.getItems().contains(sidebar)) {
                body.getItems().add(0, sidebar);
                restoreSidebar(sidebarWidth[0]);
            }
        });
    }

    /**
     * Puts the divider back where the person had it: the same width in pixels. Learn's panel leaves the right side
     * in the same change, so the body is laid out at its new width first; a fraction set before that would be of the
     * old width, and the list (not resizable with its parent) would keep the narrow result.
     */
    private void restoreSidebar(double width) {
        javafx.application.Platform.runLater(() -> {
            layout();
            body.setDividerPositions(width > 0 ? width / Math.max(1, body.getWidth()) : 0.2);
        });
    }

    private void bind() {
        vm.errorProperty().addListener((o, a, message) -> {
            if (message != null && getScene() != null) {
                ErrorAlert alert = new ErrorAlert("Rewind could not do that", message,
                        vm.errorDetailsProperty().get());
                alert.initOwner(getScene().getWindow());
                alert.show();
            }
        });
        vm.darkProperty().addListener((o, a, dark) -> applyTheme(dark));
    }

    /** Switches the AtlantaFX theme for the whole application. */
    public static void applyTheme(boolean dark) {
        Theme theme = dark ? new PrimerDark() : new PrimerLight();
        // the binary form of the same stylesheet: no CSS parsing before the first frame (start-up time)
        String bss = theme.getUserAgentStylesheetBSS();
        Application.setUserAgentStylesheet(bss != null ? bss : theme.getUserAgentStylesheet());
    }

    public ModelPane modelPane() {
        return modelPane;
    }
}
