package dev.rewind.ui.learn;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A banner on first start: "New here? Take the 5-minute tour", until taken or dismissed. Never modal. */
public final class TourOffer extends HBox {
    public TourOffer(LearnViewModel vm) {
        setId("tour-offer");
        getStyleClass().add("rw-tour-offer");
        getStylesheets().add(TourOffer.class.getResource("learn.css").toExternalForm());
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        Label text = new Label("New here? Take the 5-minute tour: a hands-on story about versioning and rollback, "
                + "played on a sandbox. Your catalog stays untouched.");
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button take = new Button("Take the tour");
        take.setId("tour-start");
        take.getStyleClass().add("accent");
        take.setOnAction(e -> vm.start());
        Button later = new Button("Not now");
        later.setId("tour-dismiss");
        later.getStyleClass().add("flat");
        later.setOnAction(e -> vm.dismissOffer());
        // the text wraps to make room; the buttons keep their whole labels ("Take …" was seen at 1024 px)
        take.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        later.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(text, take, later);
        visibleProperty().bind(vm.offerProperty());
        managedProperty().bind(visibleProperty());
    }
}
