package dev.rewind.domain;

/**
 * A rule a person has knowingly set aside for one move. (Not named {@code Override}: that would hide
 * {@code java.lang.Override} wherever it is imported.)
 */
public enum MoveOverride {
    /** Deploy a version even though it is tagged failed. */
    FAILED_VERSION
}
