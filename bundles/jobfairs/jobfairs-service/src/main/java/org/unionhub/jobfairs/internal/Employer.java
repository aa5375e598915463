package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;

/**
 * An employer's registration for a fair. The contact fields and the bound account are shown only to
 * the fair's officers and to the employer itself; others see them as null.
 */
public record Employer(long id, long fairId, String name, String creditCode, String industry, CompanySize size,
        String contactName, String contactPhone, String contactEmail, boolean onsiteBooth, Integer boothNumber,
        EmployerStatus status, String reviewNote, String accountUsername, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    Employer withoutContact() {
        return new Employer(id, fairId, name, creditCode, industry, size, null, null, null, onsiteBooth, boothNumber,
                status, null, null, createdAt, updatedAt);
    }
}
