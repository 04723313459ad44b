package dev.rewind.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who a stored artifact is on disk without reading its bytes: for each regular file, its identity (device and
 * inode where the file system has them), size and modification time. Equal stamps taken around a hash mean the
 * hash still describes the bytes, so a later equal stamp proves identity for the price of a few stat calls.
 */
record FileStamp(List<Entry> entries) {
    record Entry(String path, Object fileKey, long size, long modifiedNanos) {
    }

    long size() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    static FileStamp of(Path p) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path f : (Iterable<Path>) walk.sorted()::iterator) {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() || a.isSymbolicLink()) {
                        out.add(entry(p.relativize(f).toString(), a));
                    }
                }
            }
        } else {
            out.add(entry("", Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        }
        return new FileStamp(List.copyOf(out));
    }

    private static Entry entry(String rel, BasicFileAttributes a) {
        // a symbolic link inside a tree gets size -1 so that it never matches a stamp taken of hashed bytes
        return new Entry(rel, a.fileKey(), a.isSymbolicLink() ? -1 : a.size(),
                a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    }
}
