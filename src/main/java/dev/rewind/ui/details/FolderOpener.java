package dev.rewind.ui.details;

import java.io.IOException;
import java.nio.file.Path;

/** Shows a folder in the desktop's file manager; runs on a worker thread (it may start a process). */
@FunctionalInterface
public interface FolderOpener {
    void open(Path folder) throws IOException;
}
