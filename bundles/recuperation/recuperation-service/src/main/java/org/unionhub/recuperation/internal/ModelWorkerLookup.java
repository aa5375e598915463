package org.unionhub.recuperation.internal;

import java.util.Optional;

/**
 * The seam for the model-worker quota. Today the officer declares a member a model worker and the
 * booking trusts him ({@link #DECLARED}). When the modelworkers module is merged, an implementation over
 * its api (an optional dynamic reference) answers {@code Optional.of(true|false)} and a false declaration
 * is refused.
 */
public interface ModelWorkerLookup {

    /** Whether the member is a model worker, or empty when nobody can tell. */
    Optional<Boolean> isModelWorker(long memberId);

    ModelWorkerLookup DECLARED = memberId -> Optional.empty();
}
