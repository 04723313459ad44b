package dev.rewind.service;

import dev.rewind.catalog.ChainHead;
import dev.rewind.catalog.ChainRepository.KeyRow;
import dev.rewind.catalog.HeadFile;
import dev.rewind.catalog.Keyring;
import dev.rewind.catalog.TargetRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Compares the history with its witnesses outside the catalog's rows: the head file beside the catalog and the
 * {@code chain_head} of each serving directory's DEPLOYED.json. Each names an event that must still be there,
 * with the same hash, so deleting the newest events is noticed.
 */
final class ChainWitness {
    private final HeadFile headFile;
    private final String catalogId;

    ChainWitness(HeadFile headFile, String catalogId) {
        this.headFile = headFile;
        this.catalogId = catalogId;
    }

    /** The head file's record when it belongs to this catalog. */
    Optional<ChainHead> head() {
        return headFile.read().filter(h -> h.catalogId().equals(catalogId));
    }

    /**
     * @param hashOf the stored hash of an event by id, or null when there is no such event
     * @param newest the newest event's id (0 when there is none)
     */
    List<String> problems(LongFunction<String> hashOf, long newest, Map<String, KeyRow> keys, List<TargetRow> targets) {
        List<String> out = new ArrayList<>();
        head().ifPresent(h -> {
            String p = compare(headFile.path().toString(), h.eventId(), h.hash(), hashOf, newest);
            KeyRow k = h.keyId() == null ? null : keys.get(h.keyId());
            if (p == null && h.keyId() != null && !h.keyId().isEmpty()
                    && (k == null || !Keyring.valid(k.publicKey(), h.hash(), h.signature()))) {
                p = "witness: " + headFile.path() + " is not signed by a key of this catalog: it was forged";
            }
            if (p != null) {
                out.add(p);
            }
        });
        for (TargetRow t : targets) {
            if (t.servingDir() == null) {
                continue;
            }
            ServingDirectory.Observed seen = new ServingDirectory(Path.of(t.servingDir())).observe();
            String recorded = seen.deployed() == null ? null : seen.deployed().chainHead();
            if (recorded == null || recorded.indexOf(':') < 0) {
                continue;
            }
            long id;
            try {
                id = Long.parseLong(recorded.substring(0, recorded.indexOf(':')));
            } catch (NumberFormatException e) {
                out.add("witness: the chain_head in " + Path.of(t.servingDir(), ServingDirectory.DEPLOYED)
                        + " is not an event id and hash");
                continue;
            }
            String p = compare(Path.of(t.servingDir(), ServingDirectory.DEPLOYED).toString(), id,
                    recorded.substring(recorded.indexOf(':') + 1), hashOf, newest);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static String compare(String where, long id, String hash, LongFunction<String> hashOf, long newest) {
        String stored = hashOf.apply(id);
        if (stored == null) {
            return "witness: " + where + " records event " + id + ", but the history ends at event " + newest
                    + ": the newest events were deleted";
        }
        if (!stored.equals(hash)) {
            return "witness: " + where + " records event " + id + " with another hash than the catalog's:"
                    + " the history was rewritten";
        }
        return null;
    }
}
