package org.unionhub.jobfairs.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.api.validation.Texts;
import org.unionhub.jobfairs.api.JobFairEvents;

/**
 * Employers' registrations: an employer (or an officer for it) registers, taking an on-site booth at
 * once when it wants one; an officer approves or rejects, and a rejection gives the booth back.
 */
@Component(service = EmployerService.class)
public class EmployerService {

    static final String COLUMNS = "ID, FAIR_ID, NAME, CREDIT_CODE, INDUSTRY, COMPANY_SIZE, CONTACT_NAME, CONTACT_PHONE, "
            + "CONTACT_EMAIL, ONSITE_BOOTH, BOOTH_NUMBER, STATUS, REVIEW_NOTE, ACCOUNT_USERNAME, CREATED_AT, UPDATED_AT";

    private final Env env;

    @Activate
    public EmployerService(@Reference Env env) {
        this.env = env;
    }

    public Employer register(Caller caller, long fairId, EmployerRequest req) {
        boolean officer = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER);
        if (!officer && !caller.hasRole(Env.EMPLOYER_ROLE)) {
            throw HubException.forbidden("requires role employer, officer or admin");
        }
        String account = officer ? Texts.blankToNull(req.accountUsername()) : caller.username();
        validate(req, officer);
        String code = CreditCode.normalize(req.creditCode());
        Employer created = env.db.inTransaction(c -> {
            FairRow fair = env.fair(c, fairId);
            if (officer) {
                env.requireManage(caller, fair);
            }
            boolean booth = req.onsiteBooth() != null ? req.onsiteBooth() : fair.mode().hasBooths();
            Validation v = new Validation();
            v.check(!booth || fair.mode().hasBooths(), "onsiteBooth", "a fair in mode " + fair.mode() + " has no on-site booths");
            v.check(booth || fair.mode() != org.unionhub.jobfairs.api.FairMode.ONSITE, "onsiteBooth",
                    "an on-site fair needs a booth");
            v.throwIfInvalid();
            if (!fair.endsAt().isAfter(Instant.now())) {
                throw HubException.conflict("fairId", "job fair " + fairId + " has ended");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_EMPLOYER WHERE FAIR_ID = ? AND CREDIT_CODE = ?", fairId, code) > 0) {
                throw HubException.conflict("creditCode", "an employer with credit code " + code + " is already registered");
            }
            Integer boothNumber = booth ? takeBooth(c, fair) : null;
            Instant now = Instant.now();
            long id;
            try {
                id = Sql.insert(c, "INSERT INTO JOBFAIRS_EMPLOYER (FAIR_ID, NAME, CREDIT_CODE, INDUSTRY, COMPANY_SIZE, "
                        + "CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL, ONSITE_BOOTH, BOOTH_NUMBER, STATUS, ACCOUNT_USERNAME, "
                        + "CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fairId,
                        req.name().trim(), code, req.industry().trim(), req.size(), req.contactName().trim(),
                        req.contactPhone().trim(), Texts.blankToNull(req.contactEmail()), booth, boothNumber, EmployerStatus.PENDING,
                        account == null ? null : account.toLowerCase(), now, now);
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    throw HubException.conflict("creditCode", "an employer with credit code " + code + " is already registered");
                }
                throw e;
            }
            Map<String, Object> changes = changes(req, code);
            changes.put("boothNumber", boothNumber);
            env.audit.record(c, caller, "jobfairs.employer.register", "employer", id, changes);
            return load(c, id);
        });
        env.post(JobFairEvents.EMPLOYER_REGISTERED, "fairId", fairId, "employerId", created.id());
        return created;
    }

    /**
     * Takes one booth: the conditional UPDATE answers 0 rows when every booth is gone, and its row lock
     * makes concurrent registrations for the fair wait here one after the other until commit.
     */
    private static int takeBooth(Connection c, FairRow fair) throws SQLException {
        int taken = Sql.update(c, "UPDATE JOBFAIRS_FAIR SET BOOTHS_TAKEN = BOOTHS_TAKEN + 1 "
                + "WHERE ID = ? AND BOOTHS_TAKEN < BOOTH_CAPACITY", fair.id());
        if (taken == 0) {
            throw HubException.conflict("onsiteBooth", "all " + fair.boothCapacity() + " on-site booths of job fair "
                    + fair.id() + " are taken");
        }
        Set<Integer> used = new HashSet<>(Sql.list(c, "SELECT BOOTH_NUMBER FROM JOBFAIRS_EMPLOYER WHERE FAIR_ID = ? "
                + "AND BOOTH_NUMBER IS NOT NULL", rs -> rs.getInt(1), fair.id()));
        int n = 1;
        while (used.contains(n)) {
            n++;
        }
        return n;
    }

    public Employer approve(Caller caller, long id, Review review) {
        String account = review == null ? null : Texts.blankToNull(review.accountUsername());
        String note = review == null ? null : Texts.blankToNull(review.note());
        Validation v = new Validation();
        v.valid("accountUsername", account, a -> Env.USERNAME.matcher(a.toLowerCase()).matches(), "is not a valid account name");
        v.maxLength("note", note, 500);
        v.throwIfInvalid();
        Employer approved = env.db.inTransaction(c -> {
            Employer e = load(c, id);
            env.requireManage(caller, env.fair(c, e.fairId()));
            String bound = account != null ? account.toLowerCase() : e.accountUsername();
            if (Sql.update(c, "UPDATE JOBFAIRS_EMPLOYER SET STATUS = ?, REVIEW_NOTE = ?, ACCOUNT_USERNAME = ?, UPDATED_AT = ? "
                    + "WHERE ID = ? AND STATUS = ?", EmployerStatus.APPROVED, note, bound, Instant.now(), id,
                    EmployerStatus.PENDING) == 0) {
                throw HubException.conflict("status", "employer " + id + " is " + e.status() + ", not PENDING");
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", EmployerStatus.APPROVED);
            changes.put("accountUsername", bound);
            changes.put("note", note);
            env.audit.record(c, caller, "jobfairs.employer.approve", "employer", id, changes);
            return load(c, id);
        });
        env.post(JobFairEvents.EMPLOYER_APPROVED, "fairId", approved.fairId(), "employerId", id);
        return approved;
    }

    public Employer reject(Caller caller, long id, Review review) {
        String note = review == null ? null : Texts.blankToNull(review.note());
        new Validation().maxLength("note", note, 500).throwIfInvalid();
        return env.db.inTransaction(c -> {
            Employer e = load(c, id);
            env.requireManage(caller, env.fair(c, e.fairId()));
            if (Sql.update(c, "UPDATE JOBFAIRS_EMPLOYER SET STATUS = ?, REVIEW_NOTE = ?, BOOTH_NUMBER = NULL, UPDATED_AT = ? "
                    + "WHERE ID = ? AND STATUS = ?", EmployerStatus.REJECTED, note, Instant.now(), id,
                    EmployerStatus.PENDING) == 0) {
                throw HubException.conflict("status", "employer " + id + " is " + e.status() + ", not PENDING");
            }
            if (e.boothNumber() != null) {
                Sql.update(c, "UPDATE JOBFAIRS_FAIR SET BOOTHS_TAKEN = BOOTHS_TAKEN - 1 WHERE ID = ? AND BOOTHS_TAKEN > 0",
                        e.fairId());
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", EmployerStatus.REJECTED);
            changes.put("releasedBooth", e.boothNumber());
            changes.put("note", note);
            env.audit.record(c, caller, "jobfairs.employer.reject", "employer", id, changes);
            return load(c, id);
        });
    }

    public Employer get(Caller caller, long id) {
        return env.db.read(c -> {
            Employer e = load(c, id);
            return shown(caller, e, env.manages(caller, env.fair(c, e.fairId()).orgId()))
                    .orElseThrow(() -> HubException.notFound("employer", id));
        });
    }

    /** A fair's employers in the order they registered, over (FAIR_ID, ID) or (FAIR_ID, STATUS, ID) from migration V5. */
    private static final Keyset PAGES = Keyset.by("ID");

    public Page<Employer> list(Caller caller, long fairId, EmployerStatus status, String industry, PageRequest page) {
        return env.db.read(c -> {
            boolean manager = env.manages(caller, env.fair(c, fairId).orgId());
            StringBuilder where = new StringBuilder(" WHERE FAIR_ID = ?");
            List<Object> params = new ArrayList<>(List.of(fairId));
            if (!manager) {
                where.append(" AND (STATUS = 'APPROVED' OR ACCOUNT_USERNAME = ?)");
                params.add(caller.hasRole(Env.EMPLOYER_ROLE) ? caller.username() : "");
            }
            if (status != null) {
                where.append(" AND STATUS = ?");
                params.add(status);
            }
            if (industry != null && !industry.isBlank()) {
                where.append(" AND LOWER(INDUSTRY) = ?");
                params.add(industry.trim().toLowerCase());
            }
            return PAGES.page(c, "SELECT " + COLUMNS, " FROM JOBFAIRS_EMPLOYER" + where, params, page, this::employer)
                    .map(e -> shown(caller, e, manager).orElseThrow());
        });
    }

    /** The registrations bound to the caller's account, across fairs. */
    public List<Employer> mine(Caller caller) {
        return env.db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM JOBFAIRS_EMPLOYER WHERE ACCOUNT_USERNAME = ? "
                + "ORDER BY ID", this::employer, caller.username()));
    }

    static boolean owns(Caller caller, Employer e) {
        return caller.hasRole(Env.EMPLOYER_ROLE) && caller.username().equals(e.accountUsername());
    }

    private static java.util.Optional<Employer> shown(Caller caller, Employer e, boolean manager) {
        if (manager || owns(caller, e)) {
            return java.util.Optional.of(e);
        }
        return e.status() == EmployerStatus.APPROVED ? java.util.Optional.of(e.withoutContact()) : java.util.Optional.empty();
    }

    public static void validate(EmployerRequest req, boolean officer) {
        Validation v = new Validation();
        v.required("name", req.name()).maxLength("name", req.name(), 200);
        v.required("creditCode", req.creditCode());
        String problem = req.creditCode() == null || req.creditCode().isBlank() ? null : CreditCode.problem(req.creditCode());
        v.check(problem == null, "creditCode", problem);
        v.required("industry", req.industry()).maxLength("industry", req.industry(), 50);
        v.required("size", req.size());
        v.required("contactName", req.contactName()).maxLength("contactName", req.contactName(), 100);
        v.required("contactPhone", req.contactPhone());
        v.valid("contactPhone", Texts.blankToNull(req.contactPhone()), p -> Env.PHONE.matcher(p).matches(),
                "must be a phone number of 7 to 20 digits");
        v.valid("contactEmail", Texts.blankToNull(req.contactEmail()), m -> m.length() <= 200 && Env.EMAIL.matcher(m).matches(),
                "must be an e-mail address");
        v.check(officer || req.accountUsername() == null || req.accountUsername().isBlank(), "accountUsername",
                "only officers bind an account; an employer's own registration is bound to it");
        v.valid("accountUsername", Texts.blankToNull(req.accountUsername()), a -> Env.USERNAME.matcher(a.toLowerCase()).matches(),
                "is not a valid account name");
        v.throwIfInvalid();
    }

    private static Map<String, Object> changes(EmployerRequest req, String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", req.name());
        m.put("creditCode", code);
        m.put("industry", req.industry());
        m.put("size", req.size());
        m.put("onsiteBooth", req.onsiteBooth());
        m.put("accountUsername", req.accountUsername());
        return m;
    }

    Employer load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM JOBFAIRS_EMPLOYER WHERE ID = ?", this::employer, id)
                .orElseThrow(() -> HubException.notFound("employer", id));
    }

    Employer employer(ResultSet rs) throws SQLException {
        return new Employer(rs.getLong("ID"), rs.getLong("FAIR_ID"), rs.getString("NAME"), rs.getString("CREDIT_CODE"),
                rs.getString("INDUSTRY"), Sql.getEnum(rs, "COMPANY_SIZE", CompanySize.class), rs.getString("CONTACT_NAME"),
                rs.getString("CONTACT_PHONE"), rs.getString("CONTACT_EMAIL"), rs.getBoolean("ONSITE_BOOTH"),
                Sql.getInt(rs, "BOOTH_NUMBER"), Sql.getEnum(rs, "STATUS", EmployerStatus.class), rs.getString("REVIEW_NOTE"),
                rs.getString("ACCOUNT_USERNAME"), env.time(Sql.getInstant(rs, "CREATED_AT")),
                env.time(Sql.getInstant(rs, "UPDATED_AT")));
    }
}
