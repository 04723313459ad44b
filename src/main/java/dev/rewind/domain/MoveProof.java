package dev.rewind.domain;

/**
 * What reading the result back after a move showed. {@code verified}: the catalog, and the serving directory
 * when there is one, say exactly what the move wrote ({@code current} resolves to the stored artifact with the
 * recorded checksum and {@code DEPLOYED.json} names the move's event). {@code detail} says what was read, or
 * what disagreed. {@code check} is the target's post-switch check, null when it has none.
 */
public record MoveProof(boolean verified, String detail, CheckResult check) {
    public static MoveProof unverified(String why) {
        return new MoveProof(false, why, null);
    }

    public MoveProof withCheck(CheckResult c) {
        return new MoveProof(verified, detail, c);
    }

    /** True when the read-back agreed and the check, if any, passed. */
    public boolean ok() {
        return verified && (check == null || check.passed());
    }

    /** One short line for history tables: "verified", "verified; check failed with exit 3", "NOT verified: …". */
    public String summary() {
        String head = verified ? "verified" : "NOT verified: " + detail;
        return check == null ? head : head + "; " + check.describe();
    }
}
