package org.unionhub.core.internal.directory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.ExactIdSearch;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.api.validation.Texts;

/**
 * Organisations and members: the rules (validation, who may write where, the audit), each write in one
 * transaction, and the {@link MemberDirectory} that modules use. The SQL lives in {@link OrgStore} and
 * {@link MemberStore}, the scoping of officers to their part of the tree in {@link OrgPaths}.
 */
@Component(service = Directory.class)
public class Directory implements MemberDirectory {

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");

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
    private final OrgPaths paths = new OrgPaths();
    private final OrgStore orgs = new OrgStore();
    private final MemberStore members;

    @Activate
    public Directory(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference PersonalDataCipher cipher) {
        this.db = db;
        this.audit = audit;
        this.cipher = cipher;
        this.members = new MemberStore(cipher);
    }

    // ---- organisations

    public Org createOrg(Caller caller, OrgRequest req) {
        validateOrg(req);
        return db.inTransaction(c -> {
            String parentPath = parentPathFor(c, caller, req);
            Instant now = Instant.now();
            long id = orgs.insert(c, req, parentPath, now);
            audit.record(c, caller, "core.org.create", "org", id, orgChanges(req));
            return new Org(id, req.name().trim(), req.kind(), req.parentId(), now, now);
        });
    }

    public Org updateOrg(Caller caller, long id, OrgRequest req) {
        validateOrg(req);
        Org updated = db.inTransaction(c -> {
            Org current = orgs.row(c, id).orElseThrow(() -> HubException.notFound("organisation", id));
            paths.requireManage(c, caller, id);
            String oldPath = paths.path(c, id);
            if (!Objects.equals(current.parentId(), req.parentId())) {
                String parentPath = parentPathFor(c, caller, req);
                if (parentPath.startsWith(oldPath)) {
                    throw HubException.invalid("parentId", "cannot move an organisation below itself");
                }
                orgs.move(c, oldPath, parentPath + id + "/");
            }
            Instant now = Instant.now();
            orgs.update(c, id, req, now);
            audit.record(c, caller, "core.org.update", "org", id, orgChanges(req));
            return new Org(id, req.name().trim(), req.kind(), req.parentId(), current.createdAt(), now);
        });
        paths.clear();
        return updated;
    }

    public Org getOrg(Caller caller, long id) {
        return db.read(c -> {
            Org org = orgs.row(c, id).orElseThrow(() -> HubException.notFound("organisation", id));
            // an officer reads the unions above his own too: screens name the city's plans and programmes by union
            if (!paths.canSee(c, caller, id) && !paths.isAbove(c, caller, id)) {
                throw HubException.notFound("organisation", id);
            }
            return org;
        });
    }

    public Page<Org> listOrgs(Caller caller, Long parentId, OrgKind kind, String name, PageRequest page) {
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            paths.scopeOrgs(c, caller, where, params);
            return orgs.list(c, where, params, parentId, kind, name, page);
        });
    }

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
        String parentPath = paths.pathOrNull(c, req.parentId());
        if (parentPath == null) {
            throw HubException.invalid("parentId", "organisation " + req.parentId() + " does not exist");
        }
        paths.requireManage(c, caller, req.parentId());
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
        paths.requireOrg(c, req.orgId());
        paths.requireManage(c, caller, req.orgId());
        requireUnique(c, caller, null, req.cardNumber(), id);
        long memberId = members.insert(c, req, id, paths.path(c, req.orgId()));
        audit.record(c, caller, "core.member.create", "member", memberId, memberChanges(req));
        return memberId;
    }

    public Member updateMember(Caller caller, long memberId, MemberRequest req) {
        return db.inTransaction(c -> {
            Object[] current = members.orgAndMask(c, memberId).orElseThrow(() -> HubException.notFound("member", memberId));
            if (!paths.canSee(c, caller, (Long) current[0]) || !caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
                throw HubException.notFound("member", memberId);
            }
            boolean keepId = req.idNumber() == null || req.idNumber().equals(current[1])
                    || IdCardNumber.isMaskOf(req.idNumber(), (String) current[1]);
            IdCardNumber id = validateMember(req, keepId ? "keep" : null);
            paths.requireOrg(c, req.orgId());
            paths.requireManage(c, caller, req.orgId());
            requireUnique(c, caller, memberId, req.cardNumber(), keepId ? null : id);
            members.update(c, memberId, req, keepId, id, paths.path(c, req.orgId()));
            audit.record(c, caller, "core.member.update", "member", memberId, memberChanges(req));
            return loadMember(c, caller, memberId);
        });
    }

    public Member getMember(Caller caller, long memberId) {
        return db.read(c -> {
            Member m = loadMember(c, caller, memberId);
            boolean self = caller.memberId() != null && caller.memberId() == memberId;
            if (!self && !(caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER) && paths.canSee(c, caller, m.orgId()))) {
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
            String name = Texts.blankToNull(f.name());
            boolean officer = caller.isAdmin() || caller.hasRole(Roles.OFFICER) && caller.orgId() != null;
            String scope = officer ? paths.scopePath(c, caller, f.orgId()) : null;
            Long self = officer ? null : caller.memberId() == null ? -1L : caller.memberId();
            if (name != null && (name.contains("%") || name.contains("_"))) {
                throw HubException.badRequest("name", "is the beginning of the name; % and _ are not allowed");
            }
            String idIndex = null;
            if (Texts.blankToNull(f.idNumber()) != null) {
                // an exact match tells whether a number belongs to a member: admins only, with an audited reason
                exactIdSearch.admit(caller, f.reason(), System.currentTimeMillis());
                audit.record(c, caller, "core.member.search-id", "member", null, Map.of("reason", f.reason().trim()));
                String id = IdCardNumber.parse(f.idNumber()).map(IdCardNumber::value).orElse(null);
                if (id == null) {
                    throw HubException.badRequest("idNumber", "is not a valid ID-card number");
                }
                idIndex = cipher.blindIndex(id);
            }
            return members.list(c, f, scope, self, name, idIndex, page);
        });
    }

    /**
     * The organisation path an officer's or admin's member list is limited to: an officer's own, narrowed by the
     * {@code orgId} filter; {@code "-"} (matching nothing) when the filter lies outside it; null for no limit.
     */
    String scopePath(Connection c, Caller caller, Long orgId) throws SQLException {
        return paths.scopePath(c, caller, orgId);
    }

    IdCardNumber validateMember(MemberRequest req, String keepId) {
        Validation v = new Validation();
        v.required("name", req.name()).maxLength("name", req.name(), 100);
        v.required("orgId", req.orgId());
        v.required("employmentForm", req.employmentForm());
        v.valid("phone", Texts.blankToNull(req.phone()), p -> PHONE.matcher(p).matches(),
                "must be an 11-digit mobile number");
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
        boolean card = Texts.blankToNull(cardNumber) != null;
        if (card || id != null) {
            probes.requireNotBlocked(caller, id != null ? "idNumber" : "cardNumber", now);
        }
        if (card) {
            Optional<Long> org = members.orgOfCard(c, cardNumber, other);
            if (org.isPresent()) {
                boolean seen = seenOrProbed(c, caller, org.get(), now);
                throw HubException.conflict("cardNumber", seen ? "union card " + cardNumber.trim() + " belongs to another member"
                        : NOT_YOURS);
            }
        }
        if (id != null) {
            Optional<Long> org = members.orgOfIdNumber(c, id, other);
            if (org.isPresent()) {
                boolean seen = seenOrProbed(c, caller, org.get(), now);
                throw HubException.conflict("idNumber", seen ? "another member has this ID-card number" : NOT_YOURS);
            }
        }
    }

    /** Whether the caller may see the holder's organisation; if not, the try counts as a probe of another's data. */
    private boolean seenOrProbed(Connection c, Caller caller, long orgId, long now) throws SQLException {
        boolean seen = paths.canSee(c, caller, orgId);
        if (!seen) {
            probes.record(caller, now);
        }
        return seen;
    }

    private Member loadMember(Connection c, Caller caller, long memberId) throws SQLException {
        return members.load(c, memberId, caller.isAdmin());
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
        return db.read(c -> members.info(c, memberId));
    }

    @Override
    public Optional<MemberInfo> memberByCardNumber(String cardNumber) {
        if (cardNumber == null || cardNumber.isBlank()) {
            return Optional.empty();
        }
        return db.read(c -> members.idByCard(c, cardNumber)).flatMap(this::member);
    }

    @Override
    public Optional<OrgInfo> org(long orgId) {
        return db.read(c -> orgs.info(c, orgId));
    }

    @Override
    public boolean isWithin(long orgId, long scopeOrgId) {
        return paths.isWithin(db, orgId, scopeOrgId);
    }

    @Override
    public Optional<String> orgPath(long orgId) {
        return paths.path(db, orgId);
    }
}
