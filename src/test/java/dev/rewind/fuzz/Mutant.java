package dev.rewind.fuzz;

import java.nio.file.Path;

/**
 * One damaged or hostile copy of a store. {@code root} is what the import must leave byte-identical (the
 * folder of an mlflow.db, the mlruns/ folder itself); {@code maxFileBytes} lowers the importer's per-file cap
 * for this import when positive.
 */
record Mutant(String kind, Path store, Path root, Expect expect, long maxFileBytes) {
    /** What the import must do with the mutant; EITHER when the damage may hit nothing the importer reads. */
    enum Expect { REFUSED, IMPORTED, EITHER }

    Mutant(String kind, Path store, Path root, Expect expect) {
        this(kind, store, root, expect, 0);
    }

    /** The same damage judged against how the undamaged store fares (a refused original cannot import). */
    Mutant given(boolean originalImports) {
        return expect == Expect.IMPORTED && !originalImports ? new Mutant(kind, store, root, Expect.EITHER, maxFileBytes)
                : this;
    }

    @Override
    public String toString() {
        return kind + " (" + store + ")";
    }
}
