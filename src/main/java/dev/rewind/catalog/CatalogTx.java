package dev.rewind.catalog;

/** The repositories visible inside one transaction. Repositories never commit; the caller of the transaction does. */
public interface CatalogTx {
    ModelRepository models();

    VersionRepository versions();

    TargetRepository targets();

    EventRepository events();

    DirectionRepository directions();

    ChainRepository chain();
    /** Post-switch checks of targets and the proofs recorded beside moves. */
    ProofRepository proofs();
}
