package org.unionhub.recuperation.internal;

import java.util.Optional;

/**
 * Who can tell whether a member is a model worker, for the model-worker quota: the modelworkers archive
 * when that module runs ({@code Optional.of(true|false)}, a false declaration is refused), nobody otherwise
 * (empty: the officer's declaration stands). See {@code Bookings}.
 */
public interface ModelWorkerLookup {

    /** Whether the member is a model worker, or empty when nobody can tell. */
    Optional<Boolean> isModelWorker(long memberId);
}
