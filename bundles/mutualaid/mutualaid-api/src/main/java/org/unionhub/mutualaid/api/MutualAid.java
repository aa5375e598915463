package org.unionhub.mutualaid.api;

import java.time.LocalDate;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** What other modules may ask the mutual-aid module; its full API is REST. */
@ProviderType
public interface MutualAid {

    /** The member's enrolment in the plan that covers {@code on}, if any. */
    Optional<Enrolment> enrolment(long planId, long memberId, LocalDate on);

    /** The plan's fund: contributions, payouts, balance. */
    Fund fund(long planId);
}
