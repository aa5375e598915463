package org.unionhub.jobfairs.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Read access to job fairs for other modules; the jobfairs module registers it as an OSGi service. */
@ProviderType
public interface JobFairs {

    /** The fair with this id, or empty when there is none. */
    Optional<JobFairSummary> find(long jobFairId);
}
