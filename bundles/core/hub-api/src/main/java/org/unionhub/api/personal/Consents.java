package org.unionhub.api.personal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.unionhub.api.security.Caller;

/**
 * Consent at collection, registered by the core: a module's create that collects personal data records the consent
 * that came with it in the core's consent store, on the module's own transaction, so that the consent and the record
 * commit or roll back together (core and modules share one database). Modules never touch the core's tables.
 */
@ProviderType
public interface Consents {

    /**
     * Checks {@code consent} against the current notice of {@code purpose} ({@code claim}, {@code cv},
     * {@code nomination}, {@code jobboard}, {@code programme}, {@code trip}, {@code survey}) and writes it for {@code memberId} on
     * {@code c}. The rules, as problems naming the field:
     * a consent is required ({@code consent}, 422): a member submitting for himself sends it through {@code H5} or
     * {@code CONSOLE}, an officer entering a paper form for someone else through {@code PAPER} (his account is
     * recorded as the one who attests it); only the hub's own {@code Caller.SYSTEM} (demo data) records none; {@code consent.noticeVersion} must be the current version (409
     * {@code noticeVersion} otherwise); every kind in {@code held} that the notice lists as sensitive needs its separate
     * consent ({@code consent.sensitive}, 422).
     *
     * @param held the sensitive kinds the record holds ({@code MEDICAL} for a claim, {@code ID_NUMBER} for an ID number)
     * @throws SQLException for the module's transaction to retry (a lock conflict) or roll back
     * @return the rows written, or null for {@code Caller.SYSTEM} without a consent
     */
    ConsentRecord record(Connection c, Caller caller, long memberId, String purpose, ConsentGiven consent, Set<String> held)
            throws SQLException;

    /**
     * The same checks and rows for a person who need not be a member (a nomination's candidate, a job-board or
     * programme applicant without a member account): the consent names its subject by the module's record
     * ({@code subjectKind} such as {@code nomination}, {@code subjectRef} its id) instead of a member. A consent is
     * required ({@code consent}, 422). Its channel says who gave it: the person himself on the form, not signed in
     * ({@link Caller#isAnonymous()}), through {@code H5} or {@code CONSOLE}; anyone signed in entering the record for
     * him attests his signed paper form, {@code PAPER}, and his account is recorded. Only the hub's own demo data
     * ({@link Caller#SYSTEM}) may send none (then null).
     *
     * @since 1.2 (1.3: an anonymous caller consents for himself)
     */
    ConsentRecord recordForSubject(Connection c, Caller caller, String subjectKind, long subjectRef, String purpose,
            ConsentGiven consent, Set<String> held) throws SQLException;
}
