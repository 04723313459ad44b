package dev.rewind.ui.learn;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The Learn tab: what Learn mode is, and the button that starts it. */
public final class LearnIntro extends VBox {
    public LearnIntro(LearnViewModel vm) {
        setId("learn-intro");
        setSpacing(10);
        setPadding(new Insets(16));
        setMaxWidth(720);
        Label title = new Label("Learn mode: versioning and rollback, hands-on");
        title.getStyleClass().add("title-4");
        Label text = new Label("A guided five-minute story played in this window: a model's new version fails in "
                + "production, you find the last good version, roll back through the confirmation dialog, tag the "
                + "failed version and read the history that records it all. Then the same story without versioning "
                + "shows why rollback becomes impossible, and a few questions check the ideas.");
        text.setWrapText(true);
        Label safe = new Label("It runs on a temporary sandbox catalog. Your own catalog is closed while you learn "
                + "and opened again, untouched, when you exit.");
        safe.setWrapText(true);
        safe.getStyleClass().add("rw-muted");
        Button start = new Button("Start the tour");
        start.setId("learn-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.activeProperty());
        Label running = new Label("Learn mode is running: follow the panel on the right.");
        running.setId("learn-running");
        running.visibleProperty().bind(vm.activeProperty());
        getChildren().addAll(title, text, safe, start, running);
    }
}
