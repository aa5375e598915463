package org.unionhub.core.internal.directory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.OrgKind;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.ExactIdSearch;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;

/**
 * Organisations and members: the rules, the scoping of officers to their part of the tree, and the
 * {@link MemberDirectory} that modules use.
 */
@Component(service = Directory.class)
public class Directory implements MemberDirectory {

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    private static final String MEMBER_COLUMNS = "ID, NAME, PHONE, ORG_ID, EMPLOYMENT_FORM, NEW_FORM_KIND, CARD_NUMBER, "
            + "JOINED_ON, ID_SEALED, ID_MASKED, CREATED_AT, UPDATED_AT";

    /**
     * The refusal of a number or card held outside the caller's part of the tree: it says neither who nor where,
     * so an officer learns no more than that he cannot register it (an admin can).
     */
    static final String NOT_YOURS = "cannot be registered by your organisation; an admin can";

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final ExactIdSearch exactIdSearch = new ExactIdSearch();
    private final ElsewhereProbes probes = new ElsewhereProbes();
    private final PersonalDataCipher cipher;
    /** Organisation paths change only on an organisation write; members are looked up far more often. */
    private final Map<Long, String> pathCache = new ConcurrentHashMap<>();

    @Activate
    public Directory(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference PersonalDataCipher cipher) {
        this.db = db;
        this.audit = audit;
        this.cipher = cipher;
    }

    // ---- organisations

    public Org createOrg(Caller caller, OrgRequest req) {
        validateOrg(req);
        return db.inTransaction(c -> {
            String parentPath = parentPathFor(c, caller, req);
            Instant now = Instant.now();
            long id = Sql.insert(c, "INSERT INTO HUB_ORG (NAME, KIND, PARENT_ID, PATH, CREATED_AT, UPDATED_AT) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", req.name().trim(), req.kind(), req.parentId(), "/", now, now);
            Sql.update(c, "UPDATE HUB_ORG SET PATH = ? WHERE ID = ?", parentPath + id + "/", id);
            audit.record(c, caller, "core.org.create", "org", id, orgChanges(req));
            return new Org(id, req.name().trim(), req.kind(), req.parentId(), now, now);
        });
    }

    public Org updateOrg(Caller caller, long id, OrgRequest req) {
        validateOrg(req);
        Org updated = db.inTransaction(c -> {
            Org current = orgRow(c, id).orElseThrow(() -> HubException.notFound("organisation", id));
            requireManage(c, caller, id);
            String oldPath = path(c, id);
            String newPath = oldPath;
            if (!java.util.Objects.equals(current.parentId(), req.parentId())) {
                String parentPath = parentPathFor(c, caller, req);
                if (parentPath.startsWith(oldPath)) {
                    throw HubException.invalid("parentId", "cannot move an organisation below itself");
                }
                newPath = parentPath + id + "/";
                Sql.update(c, "UPDATE HUB_ORG SET PATH = ? || SUBSTR(PATH, ?) WHERE PATH LIKE ?", newPath,
                        oldPath.length() + 1, oldPath + "%");
                // members carry their organisation's path (the index of scoped lists): they move with it
                Sql.update(c, "UPDATE HUB_MEMBER SET ORG_PATH = ? || SUBSTR(ORG_PATH, ?) WHERE ORG_PATH LIKE ?", newPath,
                        oldPath.length() + 1, oldPath + "%");
            }
            Instant now = Instant.now();
            Sql.update(c, "UPDATE HUB_ORG SET NAME = ?, KIND = ?, PARENT_ID = ?, UPDATED_AT = ? WHERE ID = ?",
                    req.name().trim(), req.kind(), req.parentId(), now, id);
            audit.record(c, caller, "core.org.update", "org", id, orgChanges(req));
            return new Org(id, req.name().trim(), req.kind(), req.parentId(), current.createdAt(), now);
        });
        pathCache.clear();
        return updated;
    }

    public Org getOrg(Caller caller, long id) {
        return db.read(c -> {
            Org org = orgRow(c, id).orElseThrow(() -> HubException.notFound("organisation", id));
            if (!canSeeOrg(c, caller, id)) {
                throw HubException.notFound("organisation", id);
            }
            return org;
        });
    }

    public Page<Org> listOrgs(Caller caller, Long parentId, OrgKind kind, String name, PageRequest page) {
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            scopeOrgs(c, caller, where, params);
            if (parentId != null) {
                where.append(" AND PARENT_ID = ?");
                params.add(parentId);
            }
            if (kind != null) {
                where.append(" AND KIND = ?");
                params.add(kind);
            }
            if (name != null && !name.isBlank()) {
                where.append(" AND LOWER(NAME) LIKE ?");
                params.add("%" + name.toLowerCase().trim() + "%");
            }
            // a province has a few thousand organisations: the name stays a substring search
            return ORG_PAGES.page(c, "SELECT ID, NAME, KIND, PARENT_ID, CREATED_AT, UPDATED_AT", " FROM HUB_ORG" + where,
                    params, page, Directory::org);
        });
    }

    /** Organisations in tree order (their path) unless sorted otherwise; indexes HUB_ORG_PATH and HUB_ORG_NAME_ID. */
    private static final Keyset ORG_PAGES = Keyset.by("ID").sort("path", "PATH", String.class)
            .sort("name", "NAME", String.class).defaultSort("path");

    private void validateOrg(OrgRequest req) {
        Validation v = new Validation();
        v.required("name", req.name()).maxLength("name", req.name(), 200);
        v.required("kind", req.kind());
        v.check(req.kind() == null || req.kind() == OrgKind.FEDERATION || req.parentId() != null, "parentId",
                "is required for a " + req.kind());
        v.throwIfInvalid();
    }

    private String parentPathFor(Connection c, Caller caller, OrgRequest req) throws SQLException {
        if (req.parentId() == null) {
            if (!caller.isAdmin()) {
                throw HubException.forbidden("only an admin can create a top-level federation");
            }
            return "/";
        }
        String parentPath = pathOrNull(c, req.parentId());
        if (parentPath == null) {
            throw HubException.invalid("parentId", "organisation " + req.parentId() + " does not exist");
        }
        requireManage(c, caller, req.parentId());
        return parentPath;
    }

    private static Map<String, Object> orgChanges(OrgRequest req) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", req.name());
        m.put("kind", req.kind());
        m.put("parentId", req.parentId());
        return m;
    }

    // ---- members

    public Member createMember(Caller caller, MemberRequest req) {
        IdCardNumber id = validateMember(req, null);
        return db.inTransaction(c -> loadMember(c, caller, insertMember(c, caller, req, id)));
    }

    /** Checks and inserts one validated member in the caller's transaction (a single create, or a batch of an import). */
    public long insertMember(Connection c, Caller caller, MemberRequest req, IdCardNumber id) throws SQLException {
        requireOrg(c, req.orgId());
        requireManage(c, caller, req.orgId());
        requireUnique(c, caller, null, req.cardNumber(), id);
        Instant now = Instant.now();
        long memberId = Sql.insert(c, "INSERT INTO HUB_MEMBER (NAME, PHONE, ORG_ID, EMPLOYMENT_FORM, NEW_FORM_KIND, "
                + "CARD_NUMBER, JOINED_ON, ID_SEALED, ID_INDEX, ID_MASKED, CREATED_AT, UPDATED_AT, ORG_PATH) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                req.name().trim(), blankToNull(req.phone()), req.orgId(), req.employmentForm(), req.newFormKind(),
                blankToNull(req.cardNumber()), req.joinedOn(), id == null ? null : cipher.encrypt(id.value()),
                id == null ? null : cipher.blindIndex(id.value()), id == null ? null : IdCardNumber.mask(id.value()),
                now, now, path(c, req.orgId()));
        audit.record(c, caller, "core.member.create", "member", memberId, memberChanges(req));
        return memberId;
    }

    public Member updateMember(Caller caller, long memberId, MemberRequest req) {
        return db.inTransaction(c -> {
            Object[] current = Sql.one(c, "SELECT ORG_ID, ID_MASKED FROM HUB_MEMBER WHERE ID = ?",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2)}, memberId)
                    .orElseThrow(() -> HubException.notFound("member", memberId));
            if (!canSeeOrg(c, caller, (Long) current[0]) || !caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
                throw HubException.notFound("member", memberId);
            }
            boolean keepId = req.idNumber() == null || req.idNumber().equals(current[1])
                    || IdCardNumber.isMaskOf(req.idNumber(), (String) current[1]);
            IdCardNumber id = validateMember(req, keepId ? "keep" : null);
            requireOrg(c, req.orgId());
            requireManage(c, caller, req.orgId());
            requireUnique(c, caller, memberId, req.cardNumber(), keepId ? null : id);
            StringBuilder sql = new StringBuilder("UPDATE HUB_MEMBER SET NAME = ?, PHONE = ?, ORG_ID = ?, EMPLOYMENT_FORM = ?, "
                    + "NEW_FORM_KIND = ?, CARD_NUMBER = ?, JOINED_ON = ?, UPDATED_AT = ?, ORG_PATH = ?");
            List<Object> params = new ArrayList<>(List.of(req.name().trim()));
            params.add(blankToNull(req.phone()));
            params.add(req.orgId());
            params.add(req.employmentForm());
            params.add(req.newFormKind());
            params.add(blankToNull(req.cardNumber()));
            params.add(req.joinedOn());
            params.add(Instant.now());
            params.add(path(c, req.orgId()));
            if (!keepId) {
                sql.append(", ID_SEALED = ?, ID_INDEX = ?, ID_MASKED = ?");
                params.add(id == null ? null : cipher.encrypt(id.value()));
                params.add(id == null ? null : cipher.blindIndex(id.value()));
                params.add(id == null ? null : IdCardNumber.mask(id.value()));
            }
            sql.append(" WHERE ID = ?");
            params.add(memberId);
            Sql.update(c, sql.toString(), params.toArray());
            audit.record(c, caller, "core.member.update", "member", memberId, memberChanges(req));
            return loadMember(c, caller, memberId);
        });
    }

    public Member getMember(Caller caller, long memberId) {
        return db.read(c -> {
            Member m = loadMember(c, caller, memberId);
            boolean self = caller.memberId() != null && caller.memberId() == memberId;
            if (!self && !(caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER) && canSeeOrg(c, caller, m.orgId()))) {
                throw HubException.notFound("member", memberId);
            }
            if (caller.isAdmin() && m.idNumber() != null) {
                // an admin sees the full number only on a single read, and each such read is audited
                audit.record(c, caller, "core.member.read-id", "personal-data", memberId, Map.of());
            }
            return m;
        });
    }

    /**
     * Members in the caller's scope, one keyset page. The scope and the organisation filter are one range of
     * the index (ORG_PATH, ID); name is a prefix over (NAME, ID); card, phone and ID number are equality lookups
     * (the ID number through its blind index). Without a sort, a name search is sorted by name and a scoped
     * list by organisation, so that the index that selects the rows also orders them.
     */
    public Page<Member> listMembers(Caller caller, MemberFilter f, PageRequest page) {
        return db.read(c -> {
            String name = blankToNull(f.name());
            // a name prefix selects far fewer rows than a city's range of ORG_PATH, but Derby cannot know that from a
            // parameter and chose the scope's index (measured: 1.7 s instead of 40 ms). (NAME, ID, ORG_PATH) serves
            // both: the prefix is its range and the scope is tested on its entries (core V3). The hint is a comment
            // to any other database.
            StringBuilder where = new StringBuilder(" FROM HUB_MEMBER M" + (name == null ? ""
                    : " --DERBY-PROPERTIES index=HUB_MEMBER_NAME_SCOPE\n") + " WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            boolean officer = caller.isAdmin() || caller.hasRole(Roles.OFFICER) && caller.orgId() != null;
            String scope = officer ? scopePath(c, caller, f.orgId()) : null;
            String sortWhenNone = name != null ? "name" : scope != null ? "org" : "id";
            if (scope != null) {
                // the subtree as a range of ORG_PATH ('/1/4/' up to '/1/40'), started at the cursor when the list
                // is in that order: one index range from the cursor on, not from the subtree's first member
                Object after = MEMBER_PAGES.cursorKey(page, sortWhenNone, "org");
                String upper = scope.substring(0, scope.length() - 1) + (char) (scope.charAt(scope.length() - 1) + 1);
                where.append(" AND M.ORG_PATH >= ? AND M.ORG_PATH < ?");
                params.add(after instanceof String a && a.compareTo(scope) > 0 ? a : scope);
                params.add(upper);
            } else if (!officer) {
                where.append(" AND M.ID = ?");
                params.add(caller.memberId() == null ? -1L : caller.memberId());
            }
            if (name != null) {
                if (name.contains("%") || name.contains("_")) {
                    throw HubException.badRequest("name", "is the beginning of the name; % and _ are not allowed");
                }
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
            if (blankToNull(f.cardNumber()) != null) {
                where.append(" AND M.CARD_NUMBER = ?");
                params.add(f.cardNumber().trim());
            }
            if (blankToNull(f.phone()) != null) {
                where.append(" AND M.PHONE = ?");
                params.add(f.phone().trim());
            }
            if (blankToNull(f.idNumber()) != null) {
                // an exact match tells whether a number belongs to a member: admins only, with an audited reason
                exactIdSearch.admit(caller, f.reason(), System.currentTimeMillis());
                audit.record(c, caller, "core.member.search-id", "member", null, Map.of("reason", f.reason().trim()));
                String id = IdCardNumber.parse(f.idNumber()).map(IdCardNumber::value).orElse(null);
                if (id == null) {
                    throw HubException.badRequest("idNumber", "is not a valid ID-card number");
                }
                where.append(" AND M.ID_INDEX = ?");
                params.add(cipher.blindIndex(id));
            }
            String cols = "SELECT M." + MEMBER_COLUMNS.replace(", ", ", M.");
            return MEMBER_PAGES.page(c, cols, where.toString(), params, page, sortWhenNone, rs -> member(rs, caller, false));
        });
    }

    /** The member list's sorts; each has an index (sort column, ID) from migration V2. */
    static final Keyset MEMBER_PAGES = Keyset.by("M.ID").sort("name", "M.NAME", String.class)
            .sort("org", "M.ORG_PATH", String.class);

    /**
     * The organisation path an officer's or admin's member list is limited to: an officer's own, narrowed by the
     * {@code orgId} filter; {@code "-"} (matching nothing) when the filter lies outside it; null for no limit.
     */
    String scopePath(Connection c, Caller caller, Long orgId) throws SQLException {
        String own = caller.isAdmin() ? null : path(c, caller.orgId());
        if (orgId == null) {
            return own;
        }
        String wanted = pathOrNull(c, orgId);
        if (wanted == null) {
            return "-";
        }
        if (own == null || wanted.startsWith(own)) {
            return wanted;
        }
        return own.startsWith(wanted) ? own : "-";
    }

    IdCardNumber validateMember(MemberRequest req, String keepId) {
        Validation v = new Validation();
        v.required("name", req.name()).maxLength("name", req.name(), 100);
        v.required("orgId", req.orgId());
        v.required("employmentForm", req.employmentForm());
        v.valid("phone", blankToNull(req.phone()), p -> PHONE.matcher(p).matches(), "must be an 11-digit mobile number");
        v.check(req.employmentForm() != EmploymentForm.NEW_FORM || req.newFormKind() != null, "newFormKind",
                "is required for a new-employment-form worker");
        v.check(req.employmentForm() == EmploymentForm.NEW_FORM || req.newFormKind() == null, "newFormKind",
                "applies only to new-employment-form workers");
        v.maxLength("cardNumber", req.cardNumber(), 32);
        v.valid("joinedOn", req.joinedOn(), d -> !d.isAfter(LocalDate.now().plusDays(1)), "must not be in the future");
        IdCardNumber id = null;
        if (keepId == null && req.idNumber() != null && !req.idNumber().isBlank()) {
            String problem = IdCardNumber.problem(req.idNumber());
            v.check(problem == null, "idNumber", problem);
            id = IdCardNumber.parse(req.idNumber()).orElse(null);
        }
        v.throwIfInvalid();
        return id;
    }

    /** Field-level 409s before the unique constraints would answer with a database message. */
    private void requireUnique(Connection c, Caller caller, Long self, String cardNumber, IdCardNumber id)
            throws SQLException {
        long other = self == null ? -1L : self;
        long now = System.currentTimeMillis();
        if (blankToNull(cardNumber) != null || id != null) {
            probes.requireNotBlocked(caller, id != null ? "idNumber" : "cardNumber", now);
        }
        if (blankToNull(cardNumber) != null) {
            Optional<Long> org = Sql.one(c, "SELECT ORG_ID FROM HUB_MEMBER WHERE CARD_NUMBER = ? AND ID <> ?",
                    rs -> rs.getLong(1), cardNumber.trim(), other);
            if (org.isPresent()) {
                boolean seen = canSeeOrg(c, caller, org.get());
                if (!seen) {
                    probes.record(caller, now);
                }
                throw HubException.conflict("cardNumber", seen ? "union card " + cardNumber.trim() + " belongs to another member"
                        : NOT_YOURS);
            }
        }
        if (id != null) {
            Optional<Long> org = Sql.one(c, "SELECT ORG_ID FROM HUB_MEMBER WHERE ID_INDEX = ? AND ID <> ?",
                    rs -> rs.getLong(1), cipher.blindIndex(id.value()), other);
            if (org.isPresent()) {
                boolean seen = canSeeOrg(c, caller, org.get());
                if (!seen) {
                    probes.record(caller, now);
                }
                throw HubException.conflict("idNumber", seen ? "another member has this ID-card number" : NOT_YOURS);
            }
        }
    }

    private Member loadMember(Connection c, Caller caller, long memberId) throws SQLException {
        return Sql.one(c, "SELECT " + MEMBER_COLUMNS + " FROM HUB_MEMBER WHERE ID = ?", rs -> member(rs, caller, caller.isAdmin()),
                memberId)
                .orElseThrow(() -> HubException.notFound("member", memberId));
    }

    /** {@code reveal}: the full ID-card number (an admin's single, audited read); lists show the last 4 characters. */
    private Member member(ResultSet rs, Caller caller, boolean reveal) throws SQLException {
        String sealed = rs.getString("ID_SEALED");
        String shown = sealed == null ? null : reveal ? cipher.decrypt(sealed) : IdCardNumber.mask(rs.getString("ID_MASKED"));
        return new Member(rs.getLong("ID"), rs.getString("NAME"), rs.getString("PHONE"), rs.getLong("ORG_ID"),
                Sql.getEnum(rs, "EMPLOYMENT_FORM", EmploymentForm.class),
                Sql.getEnum(rs, "NEW_FORM_KIND", org.unionhub.api.NewFormKind.class), rs.getString("CARD_NUMBER"),
                Sql.getDate(rs, "JOINED_ON"), shown, Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "UPDATED_AT"));
    }

    private static Map<String, Object> memberChanges(MemberRequest req) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", req.name());
        m.put("orgId", req.orgId());
        m.put("employmentForm", req.employmentForm());
        m.put("newFormKind", req.newFormKind());
        m.put("cardNumber", req.cardNumber());
        m.put("joinedOn", req.joinedOn());
        m.put("idNumber", req.idNumber() == null ? null : "(set)");
        return m;
    }

    // ---- MemberDirectory for modules

    @Override
    public Optional<MemberInfo> member(long memberId) {
        return db.read(c -> Sql.one(c, "SELECT ID, NAME, ORG_ID, EMPLOYMENT_FORM, NEW_FORM_KIND, CARD_NUMBER, JOINED_ON "
                + "FROM HUB_MEMBER WHERE ID = ?", rs -> new MemberInfo(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        Sql.getEnum(rs, "EMPLOYMENT_FORM", EmploymentForm.class),
                        Sql.getEnum(rs, "NEW_FORM_KIND", org.unionhub.api.NewFormKind.class), rs.getString(6),
                        Sql.getDate(rs, "JOINED_ON")), memberId));
    }

    @Override
    public Optional<MemberInfo> memberByCardNumber(String cardNumber) {
        if (cardNumber == null || cardNumber.isBlank()) {
            return Optional.empty();
        }
        return db.read(c -> Sql.one(c, "SELECT ID FROM HUB_MEMBER WHERE CARD_NUMBER = ?", rs -> rs.getLong(1),
                cardNumber.trim())).flatMap(this::member);
    }

    @Override
    public Optional<OrgInfo> org(long orgId) {
        return db.read(c -> Sql.one(c, "SELECT ID, NAME, KIND, PARENT_ID FROM HUB_ORG WHERE ID = ?",
                rs -> new OrgInfo(rs.getLong(1), rs.getString(2), Sql.getEnum(rs, "KIND", OrgKind.class),
                        Sql.getLong(rs, "PARENT_ID")), orgId));
    }

    @Override
    public boolean isWithin(long orgId, long scopeOrgId) {
        return db.read(c -> {
            String p = pathOrNull(c, orgId);
            String scope = pathOrNull(c, scopeOrgId);
            return p != null && scope != null && p.startsWith(scope);
        });
    }

    @Override
    public Optional<String> orgPath(long orgId) {
        return db.read(c -> Optional.ofNullable(pathOrNull(c, orgId)));
    }

    // ---- scoping

    private boolean canSeeOrg(Connection c, Caller caller, long orgId) throws SQLException {
        if (caller.isAdmin()) {
            return true;
        }
        String p = pathOrNull(c, orgId);
        if (p == null) {
            return false;
        }
        if (caller.hasRole(Roles.OFFICER) && caller.orgId() != null) {
            return p.startsWith(path(c, caller.orgId()));
        }
        return false;
    }

    private void requireManage(Connection c, Caller caller, long orgId) throws SQLException {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.hasRole(Roles.OFFICER) || caller.orgId() == null) {
            throw HubException.forbidden("requires role officer or admin");
        }
        String p = pathOrNull(c, orgId);
        if (p == null || !p.startsWith(path(c, caller.orgId()))) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
    }

    private void scopeOrgs(Connection c, Caller caller, StringBuilder where, List<Object> params) throws SQLException {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.hasRole(Roles.OFFICER) && caller.orgId() != null) {
            where.append(" AND PATH LIKE ?");
            params.add(path(c, caller.orgId()) + "%");
        } else {
            where.append(" AND 1 = 0");
        }
    }

    private void requireOrg(Connection c, long orgId) throws SQLException {
        if (pathOrNull(c, orgId) == null) {
            throw HubException.invalid("orgId", "organisation " + orgId + " does not exist");
        }
    }

    private String path(Connection c, long orgId) throws SQLException {
        String p = pathOrNull(c, orgId);
        if (p == null) {
            throw HubException.notFound("organisation", orgId);
        }
        return p;
    }

    private String pathOrNull(Connection c, long orgId) throws SQLException {
        String cached = pathCache.get(orgId);
        if (cached != null) {
            return cached;
        }
        Optional<String> p = Sql.one(c, "SELECT PATH FROM HUB_ORG WHERE ID = ?", rs -> rs.getString(1), orgId);
        p.ifPresent(v -> pathCache.put(orgId, v));
        return p.orElse(null);
    }

    private static Optional<Org> orgRow(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT ID, NAME, KIND, PARENT_ID, CREATED_AT, UPDATED_AT FROM HUB_ORG WHERE ID = ?",
                Directory::org, id);
    }

    private static Org org(ResultSet rs) throws SQLException {
        return new Org(rs.getLong("ID"), rs.getString("NAME"), Sql.getEnum(rs, "KIND", OrgKind.class),
                Sql.getLong(rs, "PARENT_ID"), Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "UPDATED_AT"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
