package dev.rewind.service;

import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Suggestions;
import dev.rewind.domain.TargetState;
import dev.rewind.domain.Version;
import java.util.List;

/**
 * Finds things by name inside a transaction, or fails with a message that names what was not found and, when an
 * existing name is a likely typo of it, asks "did you mean …?". Names are looked up in NFC, as they are stored, so
 * a decomposed 'café' finds the composed one.
 */
final class Lookups {
    private Lookups() {
    }

    static long modelId(CatalogTx tx, String model) {
        return tx.models().id(Names.normalize(model)).orElseThrow(() -> RewindException.badInput(
                "unknown model '" + model + "'" + Suggestions.hint(model, tx.models().names())));
    }

    static Version version(CatalogTx tx, String model, String label) {
        modelId(tx, model);
        return tx.versions().find(Names.normalize(model), Names.normalize(label)).orElseThrow(() ->
                RewindException.badInput("model " + model + " has no version '" + label + "'"
                        + Suggestions.hint(label, tx.versions().labels(Names.normalize(model)))));
    }

    static TargetRow target(CatalogTx tx, String model, String target) {
        modelId(tx, model);
        return tx.targets().find(Names.normalize(model), Names.normalize(target)).orElseThrow(() ->
                RewindException.badInput("model " + model + " has no target '" + target + "'"
                        + unknownTargetHint(tx, model, target)));
    }

    /** The target, when it may still be moved or have its rules changed: a retired target is refused, by name. */
    static TargetRow movable(CatalogTx tx, String model, String target) {
        TargetRow t = target(tx, model, target);
        if (t.retired()) {
            throw RewindException.refused("target " + t.name() + " of " + t.model() + " is retired: it takes no moves"
                    + " and no rule changes (its history stays: rewind history " + t.model() + " --target " + t.name()
                    + ")");
        }
        return t;
    }

    /** "Did you mean" when a target's name is close, else how to add it: never a hint that creates a typo. */
    private static String unknownTargetHint(CatalogTx tx, String model, String target) {
        List<String> names = tx.targets().list(Names.normalize(model)).stream().map(TargetState::name).toList();
        String suggestion = Suggestions.hint(target, names);
        return suggestion.isEmpty() ? " (add it with 'rewind target add " + model + " " + target + "')" : suggestion;
    }
}
