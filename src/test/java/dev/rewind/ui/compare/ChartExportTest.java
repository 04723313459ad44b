package dev.rewind.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.ui.shell.MainView;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The exported sheet of a chart on screen: its title, and its pixels at twice the chart's size. */
@ExtendWith(ApplicationExtension.class)
class ChartExportTest {
    BarChart<String, Number> chart;

    @Start
    void start(Stage stage) {
        MainView.applyTheme(false);
        chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setAnimated(false);
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.getData().add(new XYChart.Data<>("auc", 0.95));
        chart.getData().add(s);
        stage.setScene(new Scene(chart, 400, 300));
        stage.sizeToScene(); // window tests before this one leave the shared stage at their size
        stage.show();
    }

    @Test
    void theSheetCarriesTheTitleAndIsDrawnAtTwiceTheChartsSize() throws Exception {
        String title = "fraud-detector · Side by side · 1.1.0 (base) vs 2.0.0 · 2026-11-30";
        VBox[] sheet = new VBox[1];
        WritableImage[] img = new WritableImage[1];
        double[] size = new double[3];
        WaitForAsyncUtils.asyncFx(() -> {
            sheet[0] = ChartExport.sheet(title, chart);
            img[0] = ChartExport.render(sheet[0]);
            size[0] = sheet[0].prefWidth(-1);
            size[1] = sheet[0].prefHeight(-1);
            size[2] = chart.getWidth();
        }).get();
        java.nio.file.Path shots = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null), "png",
                shots.resolve("chart-export.png").toFile()); // to look at
        assertThat(((Label) sheet[0].lookup("#chart-export-title")).getText()).isEqualTo(title);
        assertThat(img[0].getWidth()).isEqualTo(Math.ceil(2 * size[0]));
        assertThat(img[0].getHeight()).isEqualTo(Math.ceil(2 * size[1]));
        assertThat(img[0].getWidth()).as("the chart at 2×, with the sheet's margin, the title wrapped over it")
                .isEqualTo(2 * (size[2] + 20));
        assertThat(img[0].getHeight()).as("the title above the chart at 2×").isGreaterThan(2 * chart.getHeight() + 20);
    }
}
