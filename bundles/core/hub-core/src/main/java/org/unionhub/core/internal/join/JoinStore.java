package org.unionhub.core.internal.join;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.validation.IdCardNumber;

/** The SQL of joining online: unions one may join, their QR tokens, join requests. */
final class JoinStore {

    /** The kinds of organisation a worker joins directly (not the federations above them). */
    static final String JOINABLE = "KIND IN ('GRASSROOTS', 'INDUSTRY', 'NEW_FORM_FEDERATION')";

    /** What approval needs of a request. */
    record Pending(long id, long orgId, String orgName, String kind, String status, String name, String phone,
            String idSealed, String employer, EmploymentForm employmentForm, NewFormKind newFormKind, Long existingMemberId) {
    }

    private static final Keyset UNIONS = Keyset.by("ID").sort("name", "NAME", String.class);
    private static final Keyset REQUESTS = Keyset.by("R.ID").defaultSort("-id");
    private static final String REQUEST_COLUMNS = "SELECT R.*, O.NAME AS ORG_NAME, (SELECT F.NAME FROM HUB_MEMBER M "
            + "JOIN HUB_ORG F ON F.ID = M.ORG_ID WHERE M.ID = R.EXISTING_MEMBER_ID) AS FROM_ORG_NAME";
    private final SecureRandom random = new SecureRandom();

    Page<JoinUnion> unions(Connection c, String name, PageRequest page) throws SQLException {
        boolean byName = name != null && !name.isBlank();
        String where = " FROM HUB_ORG WHERE " + JOINABLE + (byName ? " AND NAME LIKE ?" : "");
        List<Object> params = byName ? List.of("%" + name.trim().replace("%", "").replace("_", "") + "%") : List.of();
        return UNIONS.page(c, "SELECT ID, NAME", where, params, page, rs -> new JoinUnion(rs.getLong(1), rs.getString(2)));
    }

    Optional<JoinUnion> union(Connection c, long orgId) throws SQLException {
        return Sql.one(c, "SELECT ID, NAME FROM HUB_ORG WHERE ID = ? AND " + JOINABLE,
                rs -> new JoinUnion(rs.getLong(1), rs.getString(2)), orgId);
    }

    Optional<JoinUnion> unionByToken(Connection c, String token) throws SQLException {
        return Sql.one(c, "SELECT O.ID, O.NAME FROM HUB_JOIN_CODE J JOIN HUB_ORG O ON O.ID = J.ORG_ID WHERE J.TOKEN = ?",
                rs -> new JoinUnion(rs.getLong(1), rs.getString(2)), token);
    }

    /** The union's QR token, made on first use: 128 random bits, so a token cannot be guessed from another. */
    String token(Connection c, long orgId) throws SQLException {
        Optional<String> t = Sql.one(c, "SELECT TOKEN FROM HUB_JOIN_CODE WHERE ORG_ID = ?", rs -> rs.getString(1), orgId);
        if (t.isPresent()) {
            return t.get();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Sql.update(c, "INSERT INTO HUB_JOIN_CODE (ORG_ID, TOKEN, CREATED_AT) VALUES (?, ?, ?)", orgId, token, Instant.now());
        return token;
    }

    boolean pending(Connection c, String idIndex) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM HUB_JOIN_REQUEST WHERE ID_INDEX = ? AND STATUS = 'PENDING'", idIndex) > 0;
    }

    /** The member who holds this ID-card number: {id, orgId}. */
    Optional<long[]> member(Connection c, String idIndex) throws SQLException {
        return Sql.one(c, "SELECT ID, ORG_ID FROM HUB_MEMBER WHERE ID_INDEX = ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                idIndex);
    }

    long insert(Connection c, JoinForm f, long orgId, String kind, String sealed, String idIndex, String idNumber,
            String source, Long existingMember, Instant now) throws SQLException {
        String path = Sql.one(c, "SELECT PATH FROM HUB_ORG WHERE ID = ?", rs -> rs.getString(1), orgId).orElseThrow();
        return Sql.insert(c, "INSERT INTO HUB_JOIN_REQUEST (ORG_ID, ORG_PATH, KIND, STATUS, NAME, PHONE, ID_SEALED, ID_INDEX, "
                + "ID_MASKED, EMPLOYER, EMPLOYMENT_FORM, NEW_FORM_KIND, SOURCE, EXISTING_MEMBER_ID, CONSENT_VERSION, CONSENT_AT, "
                + "CONSENT_CHANNEL, CREATED_AT) VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orgId, path,
                kind, f.name().trim(), f.phone().trim(), sealed, idIndex, IdCardNumber.mask(idNumber), f.employer().trim(),
                f.employmentForm(), f.newFormKind(), source, existingMember, f.consent().noticeVersion().trim(), now,
                f.consent().channel().trim(), now);
    }

    Page<JoinRequest> list(Connection c, String scopePath, String status, String kind, PageRequest page) throws SQLException {
        StringBuilder where = new StringBuilder(" FROM HUB_JOIN_REQUEST R JOIN HUB_ORG O ON O.ID = R.ORG_ID WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (scopePath != null) {
            where.append(" AND R.ORG_PATH LIKE ?");
            params.add(scopePath + "%");
        }
        if (status != null) {
            where.append(" AND R.STATUS = ?");
            params.add(status);
        }
        if (kind != null) {
            where.append(" AND R.KIND = ?");
            params.add(kind);
        }
        return REQUESTS.page(c, REQUEST_COLUMNS, where.toString(), params, page, JoinStore::request);
    }

    Optional<JoinRequest> get(Connection c, long id) throws SQLException {
        return Sql.one(c, REQUEST_COLUMNS + " FROM HUB_JOIN_REQUEST R JOIN HUB_ORG O ON O.ID = R.ORG_ID WHERE R.ID = ?",
                JoinStore::request, id);
    }

    Optional<Pending> pendingRow(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT R.*, O.NAME AS ORG_NAME FROM HUB_JOIN_REQUEST R JOIN HUB_ORG O ON O.ID = R.ORG_ID "
                + "WHERE R.ID = ?", rs -> new Pending(rs.getLong("ID"), rs.getLong("ORG_ID"), rs.getString("ORG_NAME"),
                        rs.getString("KIND"), rs.getString("STATUS"), rs.getString("NAME"), rs.getString("PHONE"),
                        rs.getString("ID_SEALED"), rs.getString("EMPLOYER"), Sql.getEnum(rs, "EMPLOYMENT_FORM", EmploymentForm.class),
                        Sql.getEnum(rs, "NEW_FORM_KIND", NewFormKind.class), Sql.getLong(rs, "EXISTING_MEMBER_ID")), id);
    }

    int decide(Connection c, long id, String status, String by, String reason, Long memberId, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE HUB_JOIN_REQUEST SET STATUS = ?, DECIDED_AT = ?, DECIDED_BY = ?, REASON = ?, MEMBER_ID = ? "
                + "WHERE ID = ? AND STATUS = 'PENDING'", status, now, by, reason, memberId, id);
    }

    /** Moves a member to the union he transferred to (转会), with his organisation path. */
    void moveMember(Connection c, long memberId, long orgId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE HUB_MEMBER SET ORG_ID = ?, ORG_PATH = (SELECT PATH FROM HUB_ORG WHERE ID = ?), UPDATED_AT = ? "
                + "WHERE ID = ?", orgId, orgId, now, memberId);
    }

    /**
     * The officers who hear that a member transferred out of {@code orgId}: the union's own, or where it has none
     * (a small union's officer often sits in the federation above), those of the nearest organisation above it.
     */
    List<String> officers(Connection c, long orgId) throws SQLException {
        String path = Sql.one(c, "SELECT PATH FROM HUB_ORG WHERE ID = ?", rs -> rs.getString(1), orgId).orElse("/");
        String[] ids = path.replaceAll("^/|/$", "").split("/");
        for (int i = ids.length - 1; i >= 0; i--) {
            if (ids[i].isEmpty()) {
                continue;
            }
            List<String> found = Sql.list(c, "SELECT USERNAME FROM HUB_ACCOUNT WHERE ORG_ID = ? AND ',' || ROLES || ',' "
                    + "LIKE '%,officer,%' AND ENABLED = TRUE", rs -> rs.getString(1), Long.parseLong(ids[i]));
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static JoinRequest request(ResultSet rs) throws SQLException {
        return new JoinRequest(rs.getLong("ID"), rs.getLong("ORG_ID"), rs.getString("ORG_NAME"), rs.getString("KIND"),
                rs.getString("STATUS"), rs.getString("NAME"), rs.getString("PHONE"), IdCardNumber.mask(rs.getString("ID_MASKED")),
                rs.getString("EMPLOYER"), Sql.getEnum(rs, "EMPLOYMENT_FORM", EmploymentForm.class),
                Sql.getEnum(rs, "NEW_FORM_KIND", NewFormKind.class), rs.getString("SOURCE"), rs.getString("FROM_ORG_NAME"),
                rs.getString("CONSENT_VERSION"), Sql.getInstant(rs, "CONSENT_AT"), rs.getString("CONSENT_CHANNEL"),
                Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "DECIDED_AT"), rs.getString("DECIDED_BY"),
                rs.getString("REASON"), Sql.getLong(rs, "MEMBER_ID"));
    }
}
