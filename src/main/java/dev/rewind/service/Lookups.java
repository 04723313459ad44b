package dev.rewind.service;

import dev.rewind.catalog.CatalogTx;
import dev.rewind.catalog.TargetRow;
import dev.rewind.domain.Names;
import dev.rewind.domain.RewindException;
import dev.rewind.domain.Version;

/**
 * Finds things by name inside a transaction, or fails with a message that names what was not found. Names are
 * looked up in NFC, as they are stored, so a decomposed 'café' finds the composed one.
 */
final class Lookups {
    private Lookups() {
    }

    static long modelId(CatalogTx tx, String model) {
        return tx.models().id(Names.normalize(model))
                .orElseThrow(() -> RewindException.badInput("unknown model '" + model + "'"));
    }

    static Version version(CatalogTx tx, String model, String label) {
        modelId(tx, model);
        return tx.versions().find(Names.normalize(model), Names.normalize(label)).orElseThrow(() ->
                RewindException.badInput("model " + model + " has no version '" + label + "'"));
    }

    static TargetRow target(CatalogTx tx, String model, String target) {
        modelId(tx, model);
        return tx.targets().find(Names.normalize(model), Names.normalize(target)).orElseThrow(() ->
                RewindException.badInput("model " + model + " has no target '" + target
                        + "' (add it with 'rewind target add " + model + " " + target + "')"));
    }
}
