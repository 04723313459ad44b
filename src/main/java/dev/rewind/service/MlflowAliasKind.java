package dev.rewind.service;

import dev.rewind.domain.RewindException;
import dev.rewind.domain.TargetPointer;
import dev.rewind.domain.Version;
import dev.rewind.importer.mlflow.MlflowAliases;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** An MLflow alias in an mlflow.db: a move sets that alias row to the version's MLflow number. */
final class MlflowAliasKind implements PointerKind {
    @Override
    public String wanted(TargetPointer p, Version v, Map<String, String> provenance) {
        String store = provenance.get("mlflow.store");
        if (!cameFrom(p, provenance)) {
            throw RewindException.refused(v.label() + " was not imported from MLflow model '" + p.name() + "' in "
                    + p.store() + " (" + (store == null ? "it was not imported from MLflow" : "it came from '"
                    + provenance.get("mlflow.model") + "' in " + store) + "), so the alias cannot point at it;"
                    + " nothing changed");
        }
        return provenance.get("mlflow.version");
    }

    @Override
    public boolean cameFrom(TargetPointer p, Map<String, String> provenance) {
        String store = provenance.get("mlflow.store");
        return store != null && same(Path.of(store), Path.of(p.store()))
                && Objects.equals(provenance.get("mlflow.model"), p.name()) && provenance.get("mlflow.version") != null;
    }

    @Override
    public Optional<String> set(TargetPointer p, Supplier<String> wanted, String reason) {
        return MlflowAliases.set(Path.of(p.store()), p.name(), p.pointer(), () -> Integer.parseInt(wanted.get()))
                .map(String::valueOf);
    }

    @Override
    public Optional<String> read(TargetPointer p) {
        return MlflowAliases.read(Path.of(p.store()), p.name(), p.pointer()).map(String::valueOf);
    }

    @Override
    public String nativeCommand(TargetPointer p, String wanted, String reason) {
        return "MlflowClient().set_registered_model_alias(" + py(p.name()) + ", " + py(p.pointer()) + ", " + py(wanted) + ")";
    }

    @Override
    public void admit(TargetPointer p) {
        MlflowAliases.requireWritable(Path.of(p.store()), p.name());
    }

    static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** A Python string literal (double quotes; backslashes, quotes and controls escaped). */
    static String py(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }
}
