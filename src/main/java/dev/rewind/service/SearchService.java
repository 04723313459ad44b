package dev.rewind.service;

import dev.rewind.catalog.Catalog;
import dev.rewind.domain.Names;
import dev.rewind.domain.Version;
import dev.rewind.domain.VersionQuery;
import java.util.List;

/**
 * Versions by metric, param and tag ({@link VersionQuery}), of one model or of all. Only the values the query names
 * are read for every version; the full versions are read for those it keeps.
 */
public final class SearchService {
    private final Catalog catalog;

    public SearchService(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The versions of {@code model} the query keeps; an unknown model is bad input with a "did you mean". */
    public List<Version> versions(String model, VersionQuery query) {
        return catalog.read(tx -> {
            Lookups.modelId(tx, model);
            if (query.everything()) {
                return tx.versions().list(Names.normalize(model));
            }
            List<Version> kept = query.apply(tx.versions().light(Names.normalize(model), query.keys()));
            return tx.versions().byIds(kept.stream().map(Version::id).toList());
        });
    }

    /** The versions of every model the query keeps, by model and then oldest first unless it sorts. */
    public List<Version> all(VersionQuery query) {
        return catalog.read(tx -> {
            List<Version> kept = query.apply(tx.versions().light(null, query.keys()));
            return tx.versions().byIds(kept.stream().map(Version::id).toList());
        });
    }
}
