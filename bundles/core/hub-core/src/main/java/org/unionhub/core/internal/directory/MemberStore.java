package org.unionhub.core.internal.directory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.api.validation.Texts;

/**
 * The SQL of HUB_MEMBER: rows in, records out, no rule. The ID-card number is stored sealed (encrypted), with its
 * blind index for exact search and its mask for lists.
 */
final class MemberStore {

    private static final String MEMBER_COLUMNS = "ID, NAME, PHONE, ORG_ID, EMPLOYMENT_FORM, NEW_FORM_KIND, CARD_NUMBER, "
            + "JOINED_ON, ID_SEALED, ID_MASKED, CREATED_AT, UPDATED_AT";

    /** The member list's sorts; each has an index (sort column, ID) from migration V2. */
    static final Keyset MEMBER_PAGES = Keyset.by("M.ID").sort("name", "M.NAME", String.class)
            .sort("org", "M.ORG_PATH", String.class);

    private final PersonalDataCipher cipher;

    MemberStore(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    long insert(Connection c, MemberRequest req, IdCardNumber id, String orgPath) throws SQLException {
        Instant now = Instant.now();
        return Sql.insert(c, "INSERT INTO HUB_MEMBER (NAME, PHONE, ORG_ID, EMPLOYMENT_FORM, NEW_FORM_KIND, "
                + "CARD_NUMBER, JOINED_ON, ID_SEALED, ID_INDEX, ID_MASKED, CREATED_AT, UPDATED_AT, ORG_PATH) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                req.name().trim(), Texts.blankToNull(req.phone()), req.orgId(), req.employmentForm(), req.newFormKind(),
                Texts.blankToNull(req.cardNumber()), req.joinedOn(), id == null ? null : cipher.encrypt(id.value()),
                id == null ? null : cipher.blindIndex(id.value()), id == null ? null : IdCardNumber.mask(id.value()),
                now, now, orgPath);
    }

    /** Writes the request over the member; the ID-card number only when {@code keepId} is false. */
    void update(Connection c, long memberId, MemberRequest req, boolean keepId, IdCardNumber id, String orgPath)
            throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE HUB_MEMBER SET NAME = ?, PHONE = ?, ORG_ID = ?, EMPLOYMENT_FORM = ?, "
                + "NEW_FORM_KIND = ?, CARD_NUMBER = ?, JOINED_ON = ?, UPDATED_AT = ?, ORG_PATH = ?");
        List<Object> params = new ArrayList<>(List.of(req.name().trim()));
        params.add(Texts.blankToNull(req.phone()));
        params.add(req.orgId());
        params.add(req.employmentForm());
        params.add(req.newFormKind());
        params.add(Texts.blankToNull(req.cardNumber()));
        params.add(req.joinedOn());
        params.add(Instant.now());
        params.add(orgPath);
        if (!keepId) {
            sql.append(", ID_SEALED = ?, ID_INDEX = ?, ID_MASKED = ?");
            params.add(id == null ? null : cipher.encrypt(id.value()));
            params.add(id == null ? null : cipher.blindIndex(id.value()));
            params.add(id == null ? null : IdCardNumber.mask(id.value()));
        }
        sql.append(" WHERE ID = ?");
        params.add(memberId);
        Sql.update(c, sql.toString(), params.toArray());
    }

    /** The member's organisation and masked ID-card number, or empty for an unknown member. */
    Optional<Object[]> orgAndMask(Connection c, long memberId) throws SQLException {
        return Sql.one(c, "SELECT ORG_ID, ID_MASKED FROM HUB_MEMBER WHERE ID = ?",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}, memberId);
    }

    /** The organisation of another member than {@code other} who holds union card {@code cardNumber}. */
    Optional<Long> orgOfCard(Connection c, String cardNumber, long other) throws SQLException {
        return Sql.one(c, "SELECT ORG_ID FROM HUB_MEMBER WHERE CARD_NUMBER = ? AND ID <> ?",
                rs -> rs.getLong(1), cardNumber.trim(), other);
    }

    /** The organisation of another member than {@code other} who has ID-card number {@code id}. */
    Optional<Long> orgOfIdNumber(Connection c, IdCardNumber id, long other) throws SQLException {
        return Sql.one(c, "SELECT ORG_ID FROM HUB_MEMBER WHERE ID_INDEX = ? AND ID <> ?",
                rs -> rs.getLong(1), cipher.blindIndex(id.value()), other);
    }

    /** {@code reveal}: the full ID-card number (an admin's single, audited read); otherwise its last 4 characters. */
    Member load(Connection c, long memberId, boolean reveal) throws SQLException {
        return Sql.one(c, "SELECT " + MEMBER_COLUMNS + " FROM HUB_MEMBER WHERE ID = ?", rs -> member(rs, reveal), memberId)
                .orElseThrow(() -> HubException.notFound("member", memberId));
    }

    Optional<MemberInfo> info(Connection c, long memberId) throws SQLException {
        return Sql.one(c, "SELECT ID, NAME, ORG_ID, EMPLOYMENT_FORM, NEW_FORM_KIND, CARD_NUMBER, JOINED_ON "
                + "FROM HUB_MEMBER WHERE ID = ?", rs -> new MemberInfo(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        Sql.getEnum(rs, "EMPLOYMENT_FORM", EmploymentForm.class),
                        Sql.getEnum(rs, "NEW_FORM_KIND", NewFormKind.class), rs.getString(6),
                        Sql.getDate(rs, "JOINED_ON")), memberId);
    }

    Optional<Long> idByCard(Connection c, String cardNumber) throws SQLException {
        return Sql.one(c, "SELECT ID FROM HUB_MEMBER WHERE CARD_NUMBER = ?", rs -> rs.getLong(1), cardNumber.trim());
    }

    /**
     * One keyset page of members. {@code scope}: the organisation path the list is limited to (null: none);
     * {@code self}: when the caller is no officer, the one member he may see; {@code name}: a prefix;
     * {@code idIndex}: the blind index of an exact ID-card number.
     */
    Page<Member> list(Connection c, MemberFilter f, String scope, Long self, String name, String idIndex,
            PageRequest page) throws SQLException {
        // a name prefix selects far fewer rows than a city's range of ORG_PATH, but Derby cannot know that from a
        // parameter and chose the scope's index (measured: 1.7 s instead of 40 ms). (NAME, ID, ORG_PATH) serves
        // both: the prefix is its range and the scope is tested on its entries (core V3). The hint is a comment
        // to any other database.
        StringBuilder where = new StringBuilder(" FROM HUB_MEMBER M" + (name == null ? ""
                : " --DERBY-PROPERTIES index=HUB_MEMBER_NAME_SCOPE\n") + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        String sortWhenNone = name != null ? "name" : scope != null ? "org" : "id";
        if (scope != null) {
            // the subtree as a range of ORG_PATH ('/1/4/' up to '/1/40'), started at the cursor when the list
            // is in that order: one index range from the cursor on, not from the subtree's first member
            Object after = MEMBER_PAGES.cursorKey(page, sortWhenNone, "org");
            String upper = scope.substring(0, scope.length() - 1) + (char) (scope.charAt(scope.length() - 1) + 1);
            where.append(" AND M.ORG_PATH >= ? AND M.ORG_PATH < ?");
            params.add(after instanceof String a && a.compareTo(scope) > 0 ? a : scope);
            params.add(upper);
        } else if (self != null) {
            where.append(" AND M.ID = ?");
            params.add(self);
        }
        if (name != null) {
            where.append(" AND M.NAME LIKE ?");
            params.add(name + "%");
        }
        if (f.employmentForm() != null) {
            where.append(" AND M.EMPLOYMENT_FORM = ?");
            params.add(f.employmentForm());
        }
        if (f.newFormKind() != null) {
            where.append(" AND M.NEW_FORM_KIND = ?");
            params.add(f.newFormKind());
        }
        if (Texts.blankToNull(f.cardNumber()) != null) {
            where.append(" AND M.CARD_NUMBER = ?");
            params.add(f.cardNumber().trim());
        }
        if (Texts.blankToNull(f.phone()) != null) {
            where.append(" AND M.PHONE = ?");
            params.add(f.phone().trim());
        }
        if (idIndex != null) {
            where.append(" AND M.ID_INDEX = ?");
            params.add(idIndex);
        }
        String cols = "SELECT M." + MEMBER_COLUMNS.replace(", ", ", M.");
        return MEMBER_PAGES.page(c, cols, where.toString(), params, page, sortWhenNone, rs -> member(rs, false));
    }

    private Member member(ResultSet rs, boolean reveal) throws SQLException {
        String sealed = rs.getString("ID_SEALED");
        String shown = sealed == null ? null : reveal ? cipher.decrypt(sealed) : IdCardNumber.mask(rs.getString("ID_MASKED"));
        return new Member(rs.getLong("ID"), rs.getString("NAME"), rs.getString("PHONE"), rs.getLong("ORG_ID"),
                Sql.getEnum(rs, "EMPLOYMENT_FORM", EmploymentForm.class),
                Sql.getEnum(rs, "NEW_FORM_KIND", NewFormKind.class), rs.getString("CARD_NUMBER"),
                Sql.getDate(rs, "JOINED_ON"), shown, Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "UPDATED_AT"));
    }
}
