package dev.rewind.domain;

/**
 * How a target's post-switch check command ended. {@code exitCode} is -1 when it timed out or could not start;
 * {@code output} is the last line it printed (or why it did not run), possibly empty.
 */
public record CheckResult(String command, Outcome outcome, int exitCode, String output) {
    public enum Outcome { PASSED, FAILED, TIMED_OUT }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** One line for people: "check 'curl …' failed with exit 3: connection refused". */
    public String describe() {
        String head = "check '" + command + "' ";
        String tail = output == null || output.isBlank() ? "" : ": " + output;
        return switch (outcome) {
            case PASSED -> head + "passed";
            case FAILED -> head + "failed" + (exitCode >= 0 ? " with exit " + exitCode : "") + tail;
            case TIMED_OUT -> head + "timed out" + tail;
        };
    }
}
