package dev.rewind.ui.compare;

import dev.rewind.ui.common.DialogService;
import dev.rewind.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import javax.imageio.ImageIO;

/**
 * A chart as an image to share: the chart at twice its size on screen (sharp on a slide or a high-density
 * screen) under a title naming the model, the chart, the versions and the date, since a PNG travels alone.
 */
final class ChartExport {
    static final double SCALE = 2;

    private ChartExport() {
    }

    static String title(String model, String chart, List<String> versions, LocalDate date) {
        String compared = versions.isEmpty() ? "" : " · " + versions.get(0) + (versions.size() > 1 ? " (base) vs "
                + String.join(", ", versions.subList(1, versions.size())) : "");
        return model + " · " + chart + compared + " · " + date;
    }

    /** The sheet that is written: the title above the chart, drawn from a 2× snapshot of it. Call on the FX thread. */
    static VBox sheet(String title, Node chart) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(new Scale(SCALE, SCALE));
        p.setFill(Color.TRANSPARENT);
        WritableImage img = chart.snapshot(p, null);
        ImageView view = new ImageView(img);
        // shown at the chart's own size, so the sheet's 2× snapshot puts each of its pixels back one to one
        view.setFitWidth(img.getWidth() / SCALE);
        view.setFitHeight(img.getHeight() / SCALE);
        view.setSmooth(true);
        Label label = new Label(title);
        label.setId("chart-export-title");
        // a long title wraps over the chart's width rather than widening the image
        label.setWrapText(true);
        label.setPrefWidth(view.getFitWidth());
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: -color-fg-default;");
        VBox sheet = new VBox(4, label, view);
        sheet.setPadding(new Insets(10, 10, 6, 10));
        sheet.setStyle("-fx-background-color: -color-bg-default;");
        // a scene of its own, never shown: styled by the theme and laid out, which a snapshot alone does not do
        new Scene(sheet);
        sheet.applyCss();
        sheet.resize(sheet.prefWidth(-1), sheet.prefHeight(-1));
        sheet.layout();
        return sheet;
    }

    /** The sheet's pixels at 2×. Call on the FX thread. */
    static WritableImage render(VBox sheet) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(new Scale(SCALE, SCALE));
        return sheet.snapshot(p, null);
    }

    /** Draws the sheet at 2× here on the FX thread; encodes and writes it in the background. */
    static void write(VBox sheet, Path file, TaskExecutor tasks, DialogService dialogs) {
        WritableImage img = render(sheet);
        tasks.run("Export PNG", () -> {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile())) {
                throw new java.io.IOException("no PNG writer");
            }
            return file;
        }, f -> dialogs.notifyDone("Saved the chart to " + f, null),
                t -> dialogs.showFailure("Could not export the chart", t));
    }
}
