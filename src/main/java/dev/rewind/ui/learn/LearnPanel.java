package dev.rewind.ui.learn;

import dev.rewind.ui.learn.Page.Kind;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Learn-mode side panel: where the tour is, what to do now, whether the window shows it done (Next opens
 * only then), what it taught, the live monitor during the story, and the concept checks after it.
 */
public final class LearnPanel extends VBox {
    private final LearnViewModel vm;
    private final Label badge = new Label("Learn mode · sandbox");
    private final Label status = new Label();
    private final Label hint = new Label();
    private final Hyperlink showHint = new Hyperlink();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button restart = new Button();
    private final Button exit = new Button();

    public LearnPanel(LearnViewModel vm) {
        this.vm = vm;
        setId("learn-panel");
        getStyleClass().add("rw-learn-panel");
        getStylesheets().add(LearnPanel.class.getResource("learn.css").toExternalForm());
        setPrefWidth(380);
        setMinWidth(320);
        setMaxWidth(420);
        setSpacing(6);
        setPadding(new Insets(10, 12, 10, 12));
        visibleProperty().bind(vm.activeProperty());
        managedProperty().bind(vm.activeProperty());
        createView();
        bind();
    }

    private void createView() {
        LearnTexts t = vm.texts();
        badge.setId("learn-badge");
        badge.getStyleClass().add("rw-learn-badge");
        Label heading = text("learn-heading", "rw-muted");
        heading.textProperty().bind(t.headingProperty());
        Label progress = text("learn-progress", "rw-muted");
        progress.textProperty().bind(t.progressProperty());
        Label title = text("learn-title", "rw-learn-title");
        title.textProperty().bind(t.titleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(18, 18);
        Label busyText = new Label();
        busyText.textProperty().bind(vm.busyProperty());
        HBox busy = new HBox(8, spinner, busyText);
        busy.setId("learn-busy");
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(vm.busyProperty().isNotEmpty());
        busy.managedProperty().bind(busy.visibleProperty());

        Label instruction = text("learn-instruction", null);
        instruction.textProperty().bind(t.instructionProperty());
        instruction.visibleProperty().bind(t.instructionProperty().isNotEmpty());
        instruction.managedProperty().bind(instruction.visibleProperty());
        showHint.setId("learn-hint-link");
        showHint.setOnAction(e -> hint.setVisible(true));
        hint.setId("learn-hint");
        hint.getStyleClass().add("rw-learn-hint");
        wrap(hint);
        hint.textProperty().bind(t.hintProperty());
        hint.managedProperty().bind(hint.visibleProperty());
        showHint.visibleProperty().bind(t.hintProperty().isNotEmpty().and(hint.visibleProperty().not()));
        showHint.managedProperty().bind(showHint.visibleProperty());
        status.setId("learn-status");
        wrap(status);
        status.textProperty().bind(t.statusProperty());
        status.visibleProperty().bind(t.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Label explanation = text("learn-explanation", "rw-learn-explanation");
        explanation.textProperty().bind(t.explanationProperty());
        explanation.visibleProperty().bind(vm.passedProperty().and(t.explanationProperty().isNotEmpty()));
        explanation.managedProperty().bind(explanation.visibleProperty());
        QuizView quiz = new QuizView(vm.quiz());
        quiz.visibleProperty().bind(Bindings.createBooleanBinding(() -> kind() == Kind.QUESTION, vm.pageProperty()));
        quiz.managedProperty().bind(quiz.visibleProperty());

        VBox body = new VBox(10, instruction, showHint, hint, status, explanation, quiz);
        body.setPadding(new Insets(4, 4, 8, 0));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        MonitorChart monitor = new MonitorChart(vm, 40);
        monitor.visibleProperty().bind(Bindings.createBooleanBinding(() -> kind() == Kind.STEP, vm.pageProperty())
                .and(vm.monitor().runningProperty()));
        monitor.managedProperty().bind(monitor.visibleProperty());

        back.setId("learn-back");
        back.setOnAction(e -> vm.back());
        next.setId("learn-next");
        next.getStyleClass().add("accent");
        next.setDefaultButton(false);
        next.setOnAction(e -> vm.next());
        restart.setId("learn-restart");
        restart.setOnAction(e -> vm.restart());
        exit.setId("learn-exit");
        exit.setOnAction(e -> vm.exit());
        // the controls sit at the top: notifications (Undo after a rollback) appear over the window's bottom right
        getChildren().addAll(row(badge, exit), heading, row(progress, back, next, restart), title, busy, scroll,
                monitor);
    }

    private void bind() {
        back.disableProperty().bind(vm.canBackProperty().not());
        next.disableProperty().bind(vm.canNextProperty().not());
        next.visibleProperty().bind(Bindings.createBooleanBinding(() -> kind() != Kind.SCORE, vm.pageProperty()));
        next.managedProperty().bind(next.visibleProperty());
        restart.visibleProperty().bind(Bindings.createBooleanBinding(() -> kind() == Kind.SCORE, vm.pageProperty()));
        restart.managedProperty().bind(restart.visibleProperty());
        restart.visibleProperty().addListener((o, a, last) -> { // on the score page, leaving is what comes next
            if (last) {
                exit.getStyleClass().add("accent");
            } else {
                exit.getStyleClass().remove("accent");
            }
        });
        vm.passedProperty().addListener((o, a, ok) -> status.getStyleClass().setAll("label",
                ok ? "rw-learn-passed" : "rw-learn-waiting"));
        status.getStyleClass().add("rw-learn-waiting");
        vm.pageProperty().addListener((o, a, p) -> {
            hint.setVisible(false);
            badge.setText(vm.label("sandbox", "Learn mode · sandbox"));
            back.setText(vm.label("back", "Back"));
            next.setText(vm.label("next", "Next"));
            restart.setText(vm.label("restart", "Start again"));
            exit.setText(vm.label("exit", "Exit Learn mode"));
            showHint.setText(vm.label("hint", "Show a hint"));
        });
        hint.setVisible(false);
        back.setText("Back");
        next.setText("Next");
        exit.setText("Exit Learn mode");
        showHint.setText("Show a hint");
    }

    private static HBox row(Label left, Button... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, left, spacer);
        row.getChildren().addAll(buttons);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Kind kind() {
        Page p = vm.pageProperty().get();
        return p == null ? null : p.kind();
    }

    private static Label text(String id, String style) {
        Label l = new Label();
        l.setId(id);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        wrap(l);
        return l;
    }

    private static void wrap(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
    }
}
