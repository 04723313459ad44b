package dev.rewind.service;

import dev.rewind.catalog.CatalogTx;
import dev.rewind.domain.Confusables;
import dev.rewind.domain.TargetState;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a new model, version label, target or tag key that looks like an existing one (Cyrillic 'о' for Latin
 * 'o', '1' for 'l'), inside the transaction that would create it, naming both. A name that already exists is
 * never refused: it is the same name, not a look-alike.
 */
final class LookAlikes {
    private LookAlikes() {
    }

    static void model(CatalogTx tx, String model) {
        if (tx.models().id(model).isEmpty()) {
            Confusables.requireDistinct("model name", model, tx.models().names());
        }
    }

    static void label(CatalogTx tx, String model, String label) {
        if (tx.models().id(model).isPresent()) {
            Confusables.requireDistinct("version label", label, tx.versions().labels(model));
        }
    }

    static void target(CatalogTx tx, String model, String target) {
        Confusables.requireDistinct("target name", target,
                tx.targets().list(model, true).stream().map(TargetState::name).toList());
    }

    static void tagKey(CatalogTx tx, String key) {
        Set<String> keys = new HashSet<>(tx.versions().tagKeys());
        keys.addAll(tx.models().tagKeys());
        if (!keys.contains(key)) {
            Confusables.requireDistinct("tag key", key, keys);
        }
    }
}
