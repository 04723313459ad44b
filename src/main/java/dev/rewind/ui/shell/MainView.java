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
    /** The heights kept for the menu bar and the status bar until they join (AtlantaFX's Primer, default font). */
    private static final double MENU_BAR_HEIGHT = 36;
    private static final double STATUS_BAR_HEIGHT = 25;
    private boolean chrome;
    private final java.util.List<Runnable> withChrome = new java.util.ArrayList<>();

    /** The whole view at once (tests, and windows opened later). */
    public MainView(MainViewModel vm) {
        this(vm, false);
    }

    /**
     * The window's first view: only the model list and the selected model's timeline are in its first frame; the
     * menus, banners, tabs and status bar join once the first model's timeline has been laid out (or when there is
     * none to show, or two seconds after the first frame), in space kept for them. Start-up time: the first CSS
     * pass and layout cover a third of the nodes.
     */
    public static MainView firstPaintFirst(MainViewModel vm) {
        return new MainView(vm, true);
    }

    private MainView(MainViewModel vm, boolean chromeLater) {
        this.vm = vm;
        this.sidebar = new ModelListView(vm, chromeLater);
        this.modelPane = new ModelPane(vm.model(), vm.compare(), vm.artifactFiles(), vm.versions(), chromeLater);
        getStyleClass().add("rw-main");
        body = new SplitPane(sidebar, modelPane);
        body.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(sidebar, false);
        modelPane.readOnlyProperty().bind(vm.readOnlyProperty());
        modelPane.abilitiesProperty().bind(vm.abilitiesProperty());
        setCenter(body);
        showLearnPanelOnFirstUse();
        // a model's History is read once its timeline is laid out, not while (it would take a core from the layout)
        vm.model().setAfterShown(r -> dev.rewind.ui.common.Pulses.afterNextLayout(this, r));
        bind();
        bindLearnMode();
        if (chromeLater) {
            setTop(keptFor(MENU_BAR_HEIGHT));
            setBottom(keptFor(STATUS_BAR_HEIGHT));
            addChromeAfterFirstTimeline();
        } else {
            addChrome();
        }
    }

    /** An empty region of {@code height}: the place kept for what joins after the first frame. */
    static javafx.scene.layout.Region keptFor(double height) {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        r.setMinHeight(height);
        r.setPrefHeight(height);
        return r;
    }

    private void addChrome() {
        if (chrome) {
            return;
        }
        chrome = true;
        setTop(new VBox(new MenuBarView(vm, sidebar::focusFilter, () -> modelPane.timeline().zoomToFit()),
                new TourOffer(vm.learn()), new ConnectionBanner(vm), new IntegrityBanner(vm.integrity()), new ReadOnlyBanner(vm)));
        setBottom(new StatusBarView(vm));
        modelPane.addTabs();
        sidebar.addFilter();
        withChrome.forEach(Runnable::run);
        withChrome.clear();
    }

    /**
     * Runs {@code r} when the menus, tabs and status bar join the window (after its first frame; at once if they
     * have): what the first frame does not show waits with them (the window's icons, say).
     */
    public void whenChromeJoins(Runnable r) {
        if (chrome) {
            r.run();
        } else {
            withChrome.add(r);
        }
    }

    // after the frame that draws the first model's timeline has been laid out and rendered (runLater: after the
    // pulse); at once when the catalog's list shows no model to select (an empty catalog, none open); and in any case
    // two seconds after the first frame (a first model slow to read)
    private void addChromeAfterFirstTimeline() {
        Runnable later = () -> javafx.application.Platform.runLater(this::addChrome);
        vm.model().loadsProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number was, Number now) {
                o.removeListener(this);
                dev.rewind.ui.common.Pulses.afterNextLayout(MainView.this, later);
            }
        });
        vm.loadingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean listing) {
                if (!listing) {
                    o.removeListener(this);
                    // the list selects its first model right after it shows: asked once that is done
                    javafx.application.Platform.runLater(() -> {
                        if (vm.selectedModelProperty().get() == null) {
                            addChrome();
                        }
                    });
                }
            }
        });
        sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene was,
                                javafx.scene.Scene now) {
                if (now != null) {
                    o.removeListener(this);
                    dev.rewind.ui.common.Pulses.afterNextLayout(now, () -> {
                        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                                javafx.util.Duration.seconds(2));
                        wait.setOnFinished(e -> addChrome());
                        wait.play();
                    });
                }
            }
        });
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
