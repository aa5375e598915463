package org.unionhub.jobfairs.internal;

import java.io.ByteArrayInputStream;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.validation.Texts;

/**
 * The SQL of applications (JOBFAIRS_APPLICATION with its CV attachment) and of the hire a position counts: rows in,
 * {@link Application}s out. The rules are {@link ApplicationService}'s.
 */
final class ApplicationStore {

    private static final String COLUMNS = "A.*, P.TITLE AS POSITION_TITLE, E.NAME AS EMPLOYER_NAME, "
            + "E.ACCOUNT_USERNAME, F.ORG_ID, T.CONTENT_TYPE, T.SIZE_BYTES, T.SHA256, T.UPLOADED_AT";
    private static final String FROM = " FROM JOBFAIRS_APPLICATION A JOIN JOBFAIRS_POSITION P ON P.ID = A.POSITION_ID "
            + "JOIN JOBFAIRS_EMPLOYER E ON E.ID = A.EMPLOYER_ID JOIN JOBFAIRS_FAIR F ON F.ID = A.FAIR_ID "
            + "LEFT JOIN JOBFAIRS_ATTACHMENT T ON T.APPLICATION_ID = A.ID";
    /** Newest first, by keyset over the primary key (and (FAIR_ID, ID), (POSITION_ID, ID) from migration V3). */
    private static final Keyset PAGES = Keyset.by("A.ID").defaultSort("-id");

    /** A row with what the access rules need besides the application itself. */
    record Row(Application app, String employerAccount, long orgId) {
    }

    private final Env env;

    ApplicationStore(Env env) {
        this.env = env;
    }

    /** The position's fair, employer, status and its employer's status. */
    static Optional<Object[]> position(Connection c, long positionId) throws SQLException {
        return Sql.one(c, "SELECT P.FAIR_ID, P.EMPLOYER_ID, P.STATUS, E.STATUS FROM JOBFAIRS_POSITION P "
                + "JOIN JOBFAIRS_EMPLOYER E ON E.ID = P.EMPLOYER_ID WHERE P.ID = ?",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)}, positionId);
    }

    static boolean hasApplied(Connection c, long positionId, long memberId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_APPLICATION WHERE POSITION_ID = ? AND MEMBER_ID = ?",
                positionId, memberId) > 0;
    }

    /** Inserts a SUBMITTED application; the unique key (POSITION_ID, MEMBER_ID) refuses a second one. */
    static long insert(Connection c, long fairId, long positionId, Long employerId, long memberId, Long session, Cv cv,
            Instant now, long consent) throws SQLException {
        return Sql.insert(c, "INSERT INTO JOBFAIRS_APPLICATION (FAIR_ID, POSITION_ID, EMPLOYER_ID, MEMBER_ID, "
                + "LIVESTREAM_ID, STATUS, CV_NAME, CV_PHONE, CV_EMAIL, CV_EDUCATION, CV_EXPERIENCE_YEARS, CV_SKILLS, "
                + "CV_WORK_HISTORY, CV_EXPECTED_SALARY, SUBMITTED_AT, UPDATED_AT, CONSENT_ID) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fairId, positionId, employerId,
                memberId, session, ApplicationStatus.SUBMITTED, cv.name().trim(), cv.phone().trim(),
                Texts.blankToNull(cv.email()), cv.education(), cv.experienceYears(), Texts.blankToNull(cv.skills()),
                Texts.blankToNull(cv.workHistory()), Money.normalize(cv.expectedSalary()), now, now, consent);
    }

    static boolean onAir(Connection c, long livestreamId, long fairId, Instant now) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_LIVESTREAM WHERE ID = ? AND FAIR_ID = ? "
                + "AND STARTS_AT <= ? AND ENDS_AT >= ?", livestreamId, fairId, now, now) > 0;
    }

    /** The fair's session on air now, one featuring the position first. */
    static Optional<Long> sessionOnAir(Connection c, long fairId, long positionId, Instant now) throws SQLException {
        return Sql.one(c, "SELECT L.ID FROM JOBFAIRS_LIVESTREAM L LEFT JOIN JOBFAIRS_FEATURED X ON X.LIVESTREAM_ID = L.ID "
                + "AND X.POSITION_ID = ? WHERE L.FAIR_ID = ? AND L.STARTS_AT <= ? AND L.ENDS_AT >= ? "
                + "ORDER BY CASE WHEN X.POSITION_ID IS NULL THEN 1 ELSE 0 END, L.STARTS_AT DESC, L.ID "
                + "FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1), positionId, fairId, now, now);
    }

    /**
     * Moves the application, stamping {@code stepColumn}; conditional on the status checked, so a concurrent change
     * makes this 0 rows instead of a lost update.
     */
    static int move(Connection c, long id, ApplicationStatus from, ApplicationStatus to, String stepColumn, String note,
            Instant now) throws SQLException {
        return Sql.update(c, "UPDATE JOBFAIRS_APPLICATION SET STATUS = ?, " + stepColumn + " = ?, NOTE = ?, UPDATED_AT = ? "
                + "WHERE ID = ? AND STATUS = ?", to, now, note, now, id, from);
    }

    /** Takes one of the position's places if one is left; the last one closes the position. */
    static boolean takeHire(Connection c, long positionId) throws SQLException {
        if (Sql.update(c, "UPDATE JOBFAIRS_POSITION SET HIRED = HIRED + 1, UPDATED_AT = ? WHERE ID = ? AND HIRED < HEADCOUNT",
                Instant.now(), positionId) == 0) {
            return false;
        }
        Sql.update(c, "UPDATE JOBFAIRS_POSITION SET STATUS = ? WHERE ID = ? AND HIRED >= HEADCOUNT", PositionStatus.CLOSED,
                positionId);
        return true;
    }

    static List<Long> fairOrgs(Connection c) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT ORG_ID FROM JOBFAIRS_FAIR", rs -> rs.getLong(1));
    }

    /** Replaces the application's attachment and touches the application. */
    static void putAttachment(Connection c, long id, String mediaType, byte[] content, String sha) throws SQLException {
        Sql.update(c, "DELETE FROM JOBFAIRS_ATTACHMENT WHERE APPLICATION_ID = ?", id);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JOBFAIRS_ATTACHMENT (APPLICATION_ID, CONTENT_TYPE, "
                + "SIZE_BYTES, SHA256, CONTENT, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            Sql.bind(ps, id, mediaType, content.length, sha);
            ps.setBinaryStream(5, new ByteArrayInputStream(content), content.length);
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
        Sql.update(c, "UPDATE JOBFAIRS_APPLICATION SET UPDATED_AT = ? WHERE ID = ?", Instant.now(), id);
    }

    static Optional<Attachment> attachment(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT CONTENT_TYPE, CONTENT FROM JOBFAIRS_ATTACHMENT WHERE APPLICATION_ID = ?", rs -> {
            Blob b = rs.getBlob(2);
            try {
                return new Attachment(id, rs.getString(1), b.getBytes(1, (int) b.length()));
            } finally {
                b.free();
            }
        }, id);
    }

    Page<Application> page(Connection c, String where, List<Object> params, PageRequest page) throws SQLException {
        return PAGES.page(c, "SELECT " + COLUMNS, FROM + where, params, page, rs -> row(rs).app());
    }

    Optional<Row> find(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE A.ID = ?", this::row, id);
    }

    private Row row(ResultSet rs) throws SQLException {
        String type = rs.getString("CONTENT_TYPE");
        AttachmentInfo attachment = type == null ? null : new AttachmentInfo(type, rs.getInt("SIZE_BYTES"),
                rs.getString("SHA256"), env.time(Sql.getInstant(rs, "UPLOADED_AT")));
        Cv cv = new Cv(rs.getString("CV_NAME"), rs.getString("CV_PHONE"), rs.getString("CV_EMAIL"),
                Sql.getEnum(rs, "CV_EDUCATION", Education.class), rs.getInt("CV_EXPERIENCE_YEARS"), rs.getString("CV_SKILLS"),
                rs.getString("CV_WORK_HISTORY"), Money.normalize(rs.getBigDecimal("CV_EXPECTED_SALARY")));
        Application a = new Application(rs.getLong("ID"), rs.getLong("FAIR_ID"), rs.getLong("POSITION_ID"),
                rs.getString("POSITION_TITLE"), rs.getLong("EMPLOYER_ID"), rs.getString("EMPLOYER_NAME"),
                rs.getLong("MEMBER_ID"), Sql.getLong(rs, "LIVESTREAM_ID"),
                Sql.getEnum(rs, "STATUS", ApplicationStatus.class), cv, attachment, rs.getString("NOTE"),
                env.time(Sql.getInstant(rs, "SUBMITTED_AT")), env.time(Sql.getInstant(rs, "VIEWED_AT")),
                env.time(Sql.getInstant(rs, "INTERVIEW_AT")), env.time(Sql.getInstant(rs, "OFFERED_AT")),
                env.time(Sql.getInstant(rs, "HIRED_AT")), env.time(Sql.getInstant(rs, "CLOSED_AT")),
                env.time(Sql.getInstant(rs, "UPDATED_AT")));
        return new Row(a, rs.getString("ACCOUNT_USERNAME"), rs.getLong("ORG_ID"));
    }
}
