package org.unionhub.jobfairs.internal.board;

import java.time.OffsetDateTime;

import org.unionhub.jobfairs.internal.CompanySize;

/**
 * An employer of the year-round registry. Contacts, the review note and the bound account are shown to the
 * union's officers and the employer itself only; others see approved employers without them.
 */
public record RegistryEmployer(long id, long orgId, String name, String creditCode, String industry, CompanySize size,
        String contactName, String contactPhone, String contactEmail, RegistryStatus status, String reviewNote,
        String accountUsername, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    RegistryEmployer withoutContact() {
        return new RegistryEmployer(id, orgId, name, creditCode, industry, size, null, null, null, status, null, null,
                createdAt, updatedAt);
    }
}
