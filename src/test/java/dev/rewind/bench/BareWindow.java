package dev.rewind.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The start-up floor for {@link StartupBenchmark}: an empty window of Rewind's size that prints
 * {@code floor-ms N} (JVM start to its first pulse's layout, the point where Rewind's probe stops too) and exits.
 * Not an {@code Application} itself, so it starts from the class path like Rewind's {@code Main}.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Pane(), 1280, 820);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                // the clock Rewind's StartupTrace.sinceJvmStart reads
                System.out.println("floor-ms " + (System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime()));
                Platform.exit();
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.setTitle("floor");
            stage.show();
        }
    }
}
