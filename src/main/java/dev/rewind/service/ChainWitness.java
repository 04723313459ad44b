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
 * The history's witnesses outside the catalog's rows: the head file beside the catalog and the
 * {@code chain_head} of each serving directory's DEPLOYED.json. Each names an event that must still be there,
 * with the same hash, so deleting the newest events is noticed. Witnesses are written after their commit, so
 * they are read <em>before</em> the snapshot they are compared with: then every event they name is in it.
 */
final class ChainWitness {
    /** One witness: where it is, the event it names (-1 when unreadable), and the head file's signature. */
    record Mark(String where, long eventId, String hash, String keyId, String signature) {
    }

    private ChainWitness() {
    }

    /** The head file's record when it belongs to the catalog {@code catalogId}. */
    static Optional<ChainHead> head(HeadFile headFile, String catalogId) {
        return headFile.read().filter(h -> h.catalogId().equals(catalogId));
    }

    static List<Mark> capture(HeadFile headFile, String catalogId, List<TargetRow> targets) {
        List<Mark> out = new ArrayList<>();
        head(headFile, catalogId).ifPresent(h -> out.add(new Mark(headFile.path().toString(), h.eventId(), h.hash(),
                h.keyId(), h.signature())));
        for (TargetRow t : targets) {
            if (t.servingDir() == null) {
                continue;
            }
            ServingDirectory.Observed seen = new ServingDirectory(Path.of(t.servingDir())).observe();
            String recorded = seen.deployed() == null ? null : seen.deployed().chainHead();
            if (recorded == null) {
                continue;
            }
            String where = Path.of(t.servingDir(), ServingDirectory.DEPLOYED).toString();
            int colon = recorded.indexOf(':');
            long id;
            try {
                id = colon < 0 ? -1 : Long.parseLong(recorded.substring(0, colon));
            } catch (NumberFormatException e) {
                id = -1;
            }
            out.add(new Mark(where, id, colon < 0 ? "" : recorded.substring(colon + 1), null, null));
        }
        return out;
    }

    /**
     * @param hashOf the stored hash of an event by id, or null when there is no such event
     * @param newest the newest event's id (0 when there is none)
     */
    static List<String> problems(List<Mark> marks, LongFunction<String> hashOf, long newest, Map<String, KeyRow> keys) {
        List<String> out = new ArrayList<>();
        for (Mark m : marks) {
            String stored = m.eventId() < 0 ? null : hashOf.apply(m.eventId());
            if (m.eventId() < 0) {
                out.add("witness: the chain_head in " + m.where() + " is not an event id and hash");
            } else if (stored == null) {
                out.add("witness: " + m.where() + " records event " + m.eventId() + ", but the history ends at event "
                        + newest + ": the newest events were deleted");
            } else if (!stored.equals(m.hash())) {
                out.add("witness: " + m.where() + " records event " + m.eventId() + " with another hash than the"
                        + " catalog's: the history was rewritten");
            } else if (m.keyId() != null && !m.keyId().isEmpty()) {
                KeyRow k = keys.get(m.keyId());
                if (k == null || !Keyring.valid(k.publicKey(), m.hash(), m.signature())) {
                    out.add("witness: " + m.where() + " is not signed by a key of this catalog: it was forged");
                }
            }
        }
        return out;
    }
}
