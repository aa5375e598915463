package org.unionhub.api.personal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What one module holds on a member, registered as an OSGi service by the core and by every module that stores
 * anything about members. The hub asks every registered one (so any subset of modules works) when a member downloads
 * his data and when an officer approves his deletion request. Modules implement it, so it is a consumer type;
 * {@link SqlPersonalData} is the usual implementation.
 */
@ConsumerType
public interface PersonalData {

    /** The module's id, as in {@code HubModule#id()}. */
    String module();

    /**
     * Every record of the member in this module, by section ({@code claims}, {@code applications}…): each row a map of
     * JSON-ready values (text, numbers, booleans, ISO dates). Only this member's rows; no sealed values or blind indexes.
     */
    Map<String, List<Map<String, Object>>> export(long memberId);

    /** The files this module keeps about the member (claim documents, CVs, nomination materials), without content. */
    List<PersonalAttachment> attachments(long memberId);

    /**
     * Copies the content of one of {@link #attachments}; answers false (and writes nothing) when {@code attachmentId}
     * is not one of this member's.
     */
    boolean copyAttachment(long memberId, String attachmentId, OutputStream out) throws IOException;

    /**
     * The member's records this module must keep under a legal duty (a paid claim is an accounting record), each as
     * one sentence naming the record and the duty; empty when nothing stops a deletion.
     */
    List<String> retentionHolds(long memberId);

    /**
     * Erases or anonymises the member's personal data in this module, keeping amounts, dates, statuses and
     * organisations (figures and ledgers keep their totals). Runs again harmlessly. Answers rows changed by section.
     */
    Map<String, Integer> erase(long memberId);

    /** The kinds of record this module keeps for a limited time; the hub's retention job purges them. */
    default List<RetentionKind> retentionKinds() {
        return List.of();
    }

    /**
     * Deletes or anonymises the records of {@code kind} whose period ended before {@code cutoff} (the job's now minus
     * the kind's days), keeping amounts, dates and organisations; records purged before are not counted again.
     * Answers the rows changed.
     */
    default int purge(String kind, Instant cutoff) {
        return 0;
    }

    /**
     * The records of this module that are about the member and that a consent names as its subject instead of a member
     * (a nomination of him, whose candidate consented on paper): subject kind ({@code nomination}) to their ids. The
     * hub lists those consents among the member's own ({@code /api/me/consents}, his download).
     *
     * @since 1.3
     */
    default Map<String, List<Long>> consentSubjects(long memberId) {
        return Map.of();
    }

    /** The columns this module seals with the hub's personal-data key, for its rotation. */
    default List<SealedColumn> sealedColumns() {
        return List.of();
    }
}
