package dev.rewind.domain;

/**
 * A failure with a one-line message meant for the user and an exit code from PRODUCT.md:
 * 1 refused (conflict, rule), 2 bad input or usage, 3 catalog unreadable, 4 recorded but the serving-dir switch
 * is pending (run {@code verify --repair}).
 */
public class RewindException extends RuntimeException {
    public static final int REFUSED = 1;
    public static final int BAD_INPUT = 2;
    public static final int CATALOG_UNREADABLE = 3;
    public static final int SWITCH_PENDING = 4;

    private final int exitCode;

    public RewindException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public RewindException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static RewindException badInput(String message) {
        return new RewindException(BAD_INPUT, message);
    }

    public static RewindException refused(String message) {
        return new RewindException(REFUSED, message);
    }

    /** The move is committed in the catalog, but the serving directory could not follow yet. */
    public static RewindException switchPending(String message) {
        return new RewindException(SWITCH_PENDING, message);
    }

    public static RewindException unreadable(String message) {
        return new RewindException(CATALOG_UNREADABLE, message);
    }
}
