package dev.rewind.domain;

/** A compare-and-set refusal: the target moved since the caller looked at it. */
public final class ConflictException extends RewindException {
    private final String liveVersion;
    private final String movedBy;

    public ConflictException(String message, String liveVersion, String movedBy) {
        super(REFUSED, message);
        this.liveVersion = liveVersion;
        this.movedBy = movedBy;
    }

    /** The version live now, or null when the target points at nothing. */
    public String liveVersion() {
        return liveVersion;
    }

    /** Who made the newest move of the target, or null. */
    public String movedBy() {
        return movedBy;
    }
}
