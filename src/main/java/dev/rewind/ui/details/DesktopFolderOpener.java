package dev.rewind.ui.details;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's own "open": {@link Desktop} where AWT offers it, else {@code xdg-open} (Linux desktops without AWT's
 * support, and a JVM started headless for AWT, which JavaFX does not need).
 */
public final class DesktopFolderOpener implements FolderOpener {
    @Override
    public void open(Path folder) throws IOException {
        if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            Desktop.getDesktop().open(folder.toFile());
            return;
        }
        Process p = new ProcessBuilder("xdg-open", folder.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // xdg-open hands the folder to the file manager and returns; a failure shows in its exit status
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 0) {
                throw new IOException("xdg-open " + folder + " failed (exit status " + p.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening " + folder, e);
        }
    }
}
