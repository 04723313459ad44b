package dev.rewind.domain;

/** One file of a directory artifact, as its manifest lists it: the path inside the directory, size, SHA-256. */
public record ArtifactFile(String path, long size, String sha256) {
}
