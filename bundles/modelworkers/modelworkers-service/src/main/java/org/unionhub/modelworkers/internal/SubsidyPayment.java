package org.unionhub.modelworkers.internal;

import org.unionhub.api.validation.MaxLength;

/** Paying an approved subsidy: the union that pays ({@code payingOrgId}) and the source of the funds. */
public record SubsidyPayment(Long payingOrgId, @MaxLength(200) String fundSource) {
}
