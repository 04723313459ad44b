package dev.rewind.service;

import dev.rewind.domain.RewindException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Which folders may serve a target. Rewind swaps links and writes files in a serving dir, so the dir must be a
 * real folder of its own: not a link (writes would land wherever it points), not inside the artifact store or
 * the catalog's own folder, and not shared with or nested in another target's dir (two targets would overwrite
 * each other's {@code current}).
 */
final class ServingDirPolicy {
    private ServingDirPolicy() {
    }

    /** The absolute, normalized dir to record, or a bad-input error naming why it cannot serve. */
    static Path admit(Path requested, Path catalogFile, Path artifactRoot, Collection<Path> otherTargetDirs) {
        if (requested.toString().isBlank()) {
            throw RewindException.badInput("serving dir is empty; give a folder path");
        }
        Path dir = requested.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(dir)) {
            throw RewindException.badInput("serving dir " + dir + " is a symbolic link; give the real folder");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw RewindException.badInput("serving dir " + dir + " exists and is not a directory");
        }
        Path catalogDir = catalogFile.toAbsolutePath().normalize().getParent();
        if (dir.equals(catalogDir)) {
            throw RewindException.badInput("serving dir " + dir + " is the catalog's own folder; give a folder of its own");
        }
        Path store = artifactRoot.toAbsolutePath().normalize();
        if (dir.startsWith(store) || store.startsWith(dir)) {
            throw RewindException.badInput("serving dir " + dir + " overlaps the artifact store " + store);
        }
        for (Path other : otherTargetDirs) {
            Path o = other.toAbsolutePath().normalize();
            if (dir.startsWith(o) || o.startsWith(dir)) {
                throw RewindException.badInput("serving dir " + dir + (dir.equals(o) ? " already serves" : " overlaps")
                        + " another target (" + o + "); each target needs a folder of its own");
            }
        }
        if (dir.getParent() == null || !Files.isDirectory(dir.getParent())) {
            throw RewindException.badInput("serving dir " + dir + ": its parent folder does not exist");
        }
        return dir;
    }
}
