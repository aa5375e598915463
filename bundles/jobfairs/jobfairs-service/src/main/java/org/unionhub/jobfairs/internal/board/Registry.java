package org.unionhub.jobfairs.internal.board;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.api.validation.Texts;
import org.unionhub.jobfairs.api.JobFairEvents;
import org.unionhub.jobfairs.internal.CompanySize;
import org.unionhub.jobfairs.internal.EmployerRequest;
import org.unionhub.jobfairs.internal.EmployerService;
import org.unionhub.jobfairs.internal.Env;
import org.unionhub.jobfairs.internal.Review;

/**
 * The year-round employer registry (联盟成员单位): an employer registers itself, publicly or from its employer
 * account, with its unified social credit code (check character verified, once in the registry); an officer of
 * the union it joined approves it or returns it with a reason, and a returned employer corrects and submits
 * again. Only approved employers post on the board.
 */
@Component(service = Registry.class)
public class Registry {

    static final String COLUMNS = "R.ID, R.ORG_ID, R.NAME, R.CREDIT_CODE, R.INDUSTRY, R.COMPANY_SIZE, R.CONTACT_NAME, "
            + "R.CONTACT_PHONE, R.CONTACT_EMAIL, R.STATUS, R.REVIEW_NOTE, R.ACCOUNT_USERNAME, R.CREATED_AT, R.UPDATED_AT";
    static final Keyset LIST = Keyset.by("R.ID").sort("name", "R.NAME", String.class);

    private final Env env;

    @Activate
    public Registry(@Reference Env env) {
        this.env = env;
    }

    public RegistryEmployer register(Caller caller, RegistryRequest req) {
        boolean officer = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER);
        validate(req, officer);
        Long orgId = req.orgId() != null ? req.orgId() : officer ? caller.orgId() : null;
        if (orgId == null) {
            throw HubException.invalid("orgId", "is required: the union whose registry the employer joins");
        }
        if (env.directory().org(orgId).isEmpty()) {
            throw HubException.invalid("orgId", "organisation " + orgId + " does not exist");
        }
        if (officer && !env.manages(caller, orgId)) {
            throw HubException.forbidden("officers register employers with their own union or below it");
        }
        String account = officer ? Texts.blankToNull(req.accountUsername())
                : caller.hasRole(Env.EMPLOYER_ROLE) ? caller.username() : null;
        String code = CreditCode.normalize(req.creditCode());
        RegistryEmployer created = env.db().inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_REGISTRY WHERE CREDIT_CODE = ?", code) > 0) {
                throw duplicate(code);
            }
            Instant now = Instant.now();
            long id;
            try {
                id = Sql.insert(c, "INSERT INTO JOBFAIRS_REGISTRY (ORG_ID, NAME, CREDIT_CODE, INDUSTRY, COMPANY_SIZE, "
                        + "CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL, STATUS, ACCOUNT_USERNAME, CREATED_AT, UPDATED_AT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orgId, req.name().trim(), code,
                        req.industry().trim(), req.size(), req.contactName().trim(), req.contactPhone().trim(),
                        Texts.blankToNull(req.contactEmail()), RegistryStatus.PENDING, account == null ? null : account.toLowerCase(),
                        now, now);
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    throw duplicate(code);
                }
                throw e;
            }
            env.audit().record(c, caller, "jobfairs.registry.register", "registry", id, changes(req, code, orgId));
            return load(c, id);
        });
        env.post(JobFairEvents.EMPLOYER_REGISTERED, "registryId", created.id());
        return created;
    }

    /** A returned employer corrects its data and submits again (its own account, or the union's officers). */
    public RegistryEmployer resubmit(Caller caller, long id, RegistryRequest req) {
        boolean officer = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER);
        validate(req, officer);
        String code = CreditCode.normalize(req.creditCode());
        return env.db().inTransaction(c -> {
            RegistryEmployer e = visible(c, caller, id);
            requireOwnerOrManager(caller, e);
            if (req.orgId() != null && req.orgId() != e.orgId()) {
                throw HubException.invalid("orgId", "an employer stays with the union it registered with");
            }
            try {
                if (Sql.update(c, "UPDATE JOBFAIRS_REGISTRY SET NAME = ?, CREDIT_CODE = ?, INDUSTRY = ?, COMPANY_SIZE = ?, "
                        + "CONTACT_NAME = ?, CONTACT_PHONE = ?, CONTACT_EMAIL = ?, STATUS = ?, UPDATED_AT = ? "
                        + "WHERE ID = ? AND STATUS = ?", req.name().trim(), code, req.industry().trim(), req.size(),
                        req.contactName().trim(), req.contactPhone().trim(), Texts.blankToNull(req.contactEmail()),
                        RegistryStatus.PENDING, Instant.now(), id, RegistryStatus.RETURNED) == 0) {
                    throw HubException.conflict("status", "employer " + id + " is " + e.status()
                            + "; only a RETURNED registration is submitted again");
                }
            } catch (SQLException ex) {
                if (Sql.isDuplicateKey(ex)) {
                    throw duplicate(code);
                }
                throw ex;
            }
            env.audit().record(c, caller, "jobfairs.registry.resubmit", "registry", id, changes(req, code, e.orgId()));
            return load(c, id);
        });
    }

    public RegistryEmployer approve(Caller caller, long id, Review review) {
        String account = review == null ? null : Texts.blankToNull(review.accountUsername());
        String note = review == null ? null : Texts.blankToNull(review.note());
        Validation v = new Validation();
        v.valid("accountUsername", account, a -> Env.USERNAME.matcher(a.toLowerCase()).matches(), "is not a valid account name");
        v.maxLength("note", note, 500);
        v.throwIfInvalid();
        RegistryEmployer approved = decide(caller, id, RegistryStatus.APPROVED, note, account);
        env.post(JobFairEvents.EMPLOYER_APPROVED, "registryId", id);
        return approved;
    }

    /** Returns a registration to the employer; the reason is required, so that the employer knows what to correct. */
    public RegistryEmployer returnToEmployer(Caller caller, long id, Review review) {
        String note = review == null ? null : Texts.blankToNull(review.note());
        new Validation().required("note", note).maxLength("note", note, 500).throwIfInvalid();
        return decide(caller, id, RegistryStatus.RETURNED, note, null);
    }

    private RegistryEmployer decide(Caller caller, long id, RegistryStatus to, String note, String account) {
        return env.db().inTransaction(c -> {
            RegistryEmployer e = load(c, id);
            if (!env.manages(caller, e.orgId())) {
                throw HubException.forbidden("only officers of union " + e.orgId() + " review its registry");
            }
            String bound = account != null ? account.toLowerCase() : e.accountUsername();
            if (Sql.update(c, "UPDATE JOBFAIRS_REGISTRY SET STATUS = ?, REVIEW_NOTE = ?, ACCOUNT_USERNAME = ?, UPDATED_AT = ? "
                    + "WHERE ID = ? AND STATUS = ?", to, note, bound, Instant.now(), id, RegistryStatus.PENDING) == 0) {
                throw HubException.conflict("status", "employer " + id + " is " + e.status() + ", not PENDING");
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", to);
            changes.put("accountUsername", bound);
            changes.put("note", note);
            env.audit().record(c, caller, "jobfairs.registry." + (to == RegistryStatus.APPROVED ? "approve" : "return"),
                    "registry", id, changes);
            return load(c, id);
        });
    }

    public RegistryEmployer get(Caller caller, long id) {
        return env.db().read(c -> visible(c, caller, id));
    }

    /**
     * Anyone sees approved employers (without contacts); officers see every registration of their part of the
     * tree, an employer account its own. {@code q} is a prefix of the name.
     */
    public Page<RegistryEmployer> list(Caller caller, RegistryStatus status, Long orgId, String q, PageRequest page) {
        return env.db().read(c -> {
            StringBuilder where = new StringBuilder(" FROM JOBFAIRS_REGISTRY R WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            boolean officer = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)
                    && OrgScope.appendFor(caller, env.directory(), "R.ORG_ID", where, params);
            if (!officer) {
                where.append(" AND (R.STATUS = 'APPROVED' OR R.ACCOUNT_USERNAME = ?)");
                params.add(caller.hasRole(Env.EMPLOYER_ROLE) ? caller.username() : "");
            }
            if (status != null) {
                where.append(" AND R.STATUS = ?");
                params.add(status);
            }
            if (orgId != null) {
                where.append(" AND R.ORG_ID = ?");
                params.add(orgId);
            }
            if (q != null && !q.isBlank()) {
                where.append(" AND R.NAME LIKE ? ESCAPE '\\'");
                params.add(q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return LIST.page(c, "SELECT " + COLUMNS, where.toString(), params, page, this::employer)
                    .map(e -> officer || owns(caller, e) ? e : e.withoutContact());
        });
    }

    /** The registrations bound to the caller's employer account. */
    public List<RegistryEmployer> mine(Caller caller) {
        return env.db().read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM JOBFAIRS_REGISTRY R WHERE R.ACCOUNT_USERNAME = ? "
                + "ORDER BY R.ID", this::employer, caller.username()));
    }

    static boolean owns(Caller caller, RegistryEmployer e) {
        return caller.hasRole(Env.EMPLOYER_ROLE) && caller.username().equals(e.accountUsername());
    }

    void requireOwnerOrManager(Caller caller, RegistryEmployer e) {
        if (!owns(caller, e) && !env.manages(caller, e.orgId())) {
            throw HubException.forbidden("only the employer's own account or its union's officers can do this");
        }
    }

    /** The employer as the caller may see it; 404 for a registration the caller may not see at all. */
    RegistryEmployer visible(Connection c, Caller caller, long id) throws SQLException {
        RegistryEmployer e = load(c, id);
        return shown(caller, e).orElseThrow(() -> HubException.notFound("employer", id));
    }

    private Optional<RegistryEmployer> shown(Caller caller, RegistryEmployer e) {
        if (owns(caller, e) || env.manages(caller, e.orgId())) {
            return Optional.of(e);
        }
        return e.status() == RegistryStatus.APPROVED ? Optional.of(e.withoutContact()) : Optional.empty();
    }

    private static void validate(RegistryRequest req, boolean officer) {
        EmployerService.validate(new EmployerRequest(req.name(), req.creditCode(), req.industry(), req.size(),
                req.contactName(), req.contactPhone(), req.contactEmail(), null, req.accountUsername()), officer);
    }

    private static HubException duplicate(String code) {
        return HubException.conflict("creditCode", "an employer with credit code " + code + " is already in the registry");
    }

    private static Map<String, Object> changes(RegistryRequest req, String code, long orgId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", orgId);
        m.put("name", req.name());
        m.put("creditCode", code);
        m.put("industry", req.industry());
        m.put("size", req.size());
        m.put("accountUsername", req.accountUsername());
        return m;
    }

    RegistryEmployer load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM JOBFAIRS_REGISTRY R WHERE R.ID = ?", this::employer, id)
                .orElseThrow(() -> HubException.notFound("employer", id));
    }

    RegistryEmployer employer(ResultSet rs) throws SQLException {
        return new RegistryEmployer(rs.getLong("ID"), rs.getLong("ORG_ID"), rs.getString("NAME"),
                rs.getString("CREDIT_CODE"), rs.getString("INDUSTRY"), Sql.getEnum(rs, "COMPANY_SIZE", CompanySize.class),
                rs.getString("CONTACT_NAME"), rs.getString("CONTACT_PHONE"), rs.getString("CONTACT_EMAIL"),
                Sql.getEnum(rs, "STATUS", RegistryStatus.class), rs.getString("REVIEW_NOTE"),
                rs.getString("ACCOUNT_USERNAME"), env.time(Sql.getInstant(rs, "CREATED_AT")),
                env.time(Sql.getInstant(rs, "UPDATED_AT")));
    }
}
