package org.unionhub.modelworkers.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Answers other modules (e.g. recuperation's model-worker quota) whether a hub member is in the
 * model-worker archive. Archive records carry an optional {@code memberId} that links them to a hub member.
 */
@ProviderType
public interface ModelWorkerLookup {
    /** Whether the hub member holds a title of one of these levels (any level when empty) with status ACTIVE or RETIRED. */
    boolean isModelWorker(long memberId, java.util.Set<String> levels);
}
