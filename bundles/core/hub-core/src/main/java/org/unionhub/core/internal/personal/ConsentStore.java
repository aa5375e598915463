package org.unionhub.core.internal.personal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unionhub.api.db.Sql;

/** The SQL of {@code HUB_CONSENT}. */
final class ConsentStore {

    private static final String COLUMNS = "ID, MEMBER_ID, SUBJECT_KIND, SUBJECT_REF, PURPOSE, MODULE, NOTICE_VERSION, "
            + "REGION, KIND, CHANNEL, GIVEN_BY, GIVEN_AT, WITHDRAWN_AT";

    /** The subject kind of a consent an account without a member record gave as itself. */
    static final String ACCOUNT = "account";

    private ConsentStore() {
    }

    static long insert(Connection c, long memberId, Notice n, String kind, String channel, String by) throws SQLException {
        return insert(c, memberId, n, n.version(), kind, channel, by, Instant.now());
    }

    /** A consent to {@code version} of the notice, given at {@code at} (an approved join request's, given earlier). */
    static long insert(Connection c, long memberId, Notice n, String version, String kind, String channel, String by,
            Instant at) throws SQLException {
        return Sql.insert(c, "INSERT INTO HUB_CONSENT (MEMBER_ID, PURPOSE, MODULE, NOTICE_VERSION, REGION, KIND, CHANNEL, "
                + "GIVEN_BY, GIVEN_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", memberId, n.purpose(), n.module(), version,
                n.region(), kind, channel, by, at);
    }

    /**
     * A consent of a person who need not be a member (a nomination's candidate): no member id, the record that names
     * him instead ({@code nomination} and its id).
     */
    static long insertForSubject(Connection c, String subjectKind, long subjectRef, Notice n, String kind, String channel,
            String by) throws SQLException {
        return Sql.insert(c, "INSERT INTO HUB_CONSENT (SUBJECT_KIND, SUBJECT_REF, PURPOSE, MODULE, NOTICE_VERSION, REGION, "
                + "KIND, CHANNEL, GIVEN_BY, GIVEN_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", subjectKind, subjectRef,
                n.purpose(), n.module(), n.version(), n.region(), kind, channel, by, Instant.now());
    }

    /**
     * A consent an account without a member record gives as itself: no member, subject {@code account}, the account in
     * {@code GIVEN_BY} (accounts are named, not numbered: {@code SUBJECT_REF} stays empty).
     */
    static long insertForAccount(Connection c, Notice n, String kind, String channel, String username) throws SQLException {
        return Sql.insert(c, "INSERT INTO HUB_CONSENT (SUBJECT_KIND, PURPOSE, MODULE, NOTICE_VERSION, REGION, KIND, CHANNEL, "
                + "GIVEN_BY, GIVEN_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ACCOUNT, n.purpose(), n.module(), n.version(),
                n.region(), kind, channel, username, Instant.now());
    }

    /** The consents the account gave as itself, newest first. */
    static List<Consent> ofAccount(Connection c, String username) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM HUB_CONSENT WHERE MEMBER_ID IS NULL AND SUBJECT_KIND = ? "
                + "AND GIVEN_BY = ? ORDER BY ID DESC", ConsentStore::map, ACCOUNT, username);
    }

    /**
     * The member's consents, and those given for the modules' records about him ({@code subjects}: subject kind to
     * ids, from the modules' {@code PersonalData#consentSubjects}), newest first.
     */
    static List<Consent> ofMember(Connection c, long memberId, Map<String, List<Long>> subjects) throws SQLException {
        StringBuilder where = new StringBuilder("MEMBER_ID = ?");
        List<Object> params = new ArrayList<>(List.of(memberId));
        for (Map.Entry<String, List<Long>> s : subjects.entrySet()) {
            if (!s.getValue().isEmpty()) {
                where.append(" OR SUBJECT_KIND = ? AND SUBJECT_REF IN (")
                        .append(String.join(", ", Collections.nCopies(s.getValue().size(), "?"))).append(')');
                params.add(s.getKey());
                params.addAll(s.getValue());
            }
        }
        return Sql.list(c, "SELECT " + COLUMNS + " FROM HUB_CONSENT WHERE " + where + " ORDER BY ID DESC", ConsentStore::map,
                params.toArray());
    }

    static Optional<Consent> get(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM HUB_CONSENT WHERE ID = ?", ConsentStore::map, id);
    }

    static boolean withdraw(Connection c, long id) throws SQLException {
        return Sql.update(c, "UPDATE HUB_CONSENT SET WITHDRAWN_AT = ? WHERE ID = ? AND WITHDRAWN_AT IS NULL", Instant.now(),
                id) == 1;
    }

    private static Consent map(ResultSet rs) throws SQLException {
        return new Consent(rs.getLong("ID"), Sql.getLong(rs, "MEMBER_ID"), rs.getString("SUBJECT_KIND"),
                Sql.getLong(rs, "SUBJECT_REF"), rs.getString("PURPOSE"), rs.getString("MODULE"),
                rs.getString("NOTICE_VERSION"), rs.getString("REGION"), rs.getString("KIND"), rs.getString("CHANNEL"),
                rs.getString("GIVEN_BY"), Sql.getInstant(rs, "GIVEN_AT"), Sql.getInstant(rs, "WITHDRAWN_AT"));
    }
}
