package org.unionhub.core.internal.personal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.db.Sql;

/** The SQL of {@code HUB_CONSENT}. */
final class ConsentStore {

    private static final String COLUMNS = "ID, MEMBER_ID, PURPOSE, MODULE, NOTICE_VERSION, REGION, KIND, CHANNEL, GIVEN_BY, "
            + "GIVEN_AT, WITHDRAWN_AT";

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

    static List<Consent> ofMember(Connection c, long memberId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM HUB_CONSENT WHERE MEMBER_ID = ? ORDER BY ID DESC", ConsentStore::map,
                memberId);
    }

    static Optional<Consent> get(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM HUB_CONSENT WHERE ID = ?", ConsentStore::map, id);
    }

    static boolean withdraw(Connection c, long id) throws SQLException {
        return Sql.update(c, "UPDATE HUB_CONSENT SET WITHDRAWN_AT = ? WHERE ID = ? AND WITHDRAWN_AT IS NULL", Instant.now(),
                id) == 1;
    }

    private static Consent map(ResultSet rs) throws SQLException {
        return new Consent(rs.getLong("ID"), rs.getLong("MEMBER_ID"), rs.getString("PURPOSE"), rs.getString("MODULE"),
                rs.getString("NOTICE_VERSION"), rs.getString("REGION"), rs.getString("KIND"), rs.getString("CHANNEL"),
                rs.getString("GIVEN_BY"), Sql.getInstant(rs, "GIVEN_AT"), Sql.getInstant(rs, "WITHDRAWN_AT"));
    }
}
