package dev.rewind.domain;

/** The version a rollback without a chosen version goes to, and whether it was picked as the last stable one. */
public record RollbackSuggestion(String target, String version, boolean lastStable) {

    /** e.g. "Roll back production to 1.1.0 (last stable)". */
    public String describe() {
        return "Roll back " + target + " to " + version + (lastStable ? " (last stable)" : " (previous good)");
    }
}
