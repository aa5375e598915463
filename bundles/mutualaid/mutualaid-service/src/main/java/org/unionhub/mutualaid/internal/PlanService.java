package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Money;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;

/**
 * Plans and their rule versions. A plan nobody has enrolled in may be rewritten; once in use its rules change
 * only by a new version from a date that is neither in the past nor before an admission date already claimed.
 */
@Component(service = PlanService.class)
public class PlanService {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;

    @Activate
    public PlanService(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference HubSettings settings) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
    }

    LocalDate today() {
        return LocalDate.now(settings.zone());
    }

    public Plan create(Caller caller, PlanRequest req) {
        Access.requireAdmin(caller);
        validate(req);
        long id = db.inTransaction(c -> {
            Instant now = Instant.now();
            long planId = Sql.insert(c, "INSERT INTO MUTUALAID_PLAN (NAME, KIND, PERIOD_START, PERIOD_END, CREATED_BY, "
                    + "CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", req.name().trim(), req.kind(),
                    req.periodStart(), req.periodEnd(), caller.username(), now, now);
            insertVersion(c, caller, planId, 1, req.rules(), now);
            FundBalance.open(c, planId);
            audit.record(c, caller, "mutualaid.plan.create", "plan", planId, changes(req.name(), req.kind(), req.rules()));
            return planId;
        });
        return get(id);
    }

    /** Rewrites a plan that nobody has enrolled in yet; a plan in use gets a new version instead. */
    public Plan update(Caller caller, long id, PlanRequest req) {
        Access.requireAdmin(caller);
        validate(req);
        db.inTransaction(c -> {
            head(c, id);
            Instant now = Instant.now();
            // ENROLMENTS = 0 in the statement itself: an enrolment that commits meanwhile raised it under this row's lock
            if (Sql.update(c, "UPDATE MUTUALAID_PLAN SET NAME = ?, KIND = ?, PERIOD_START = ?, PERIOD_END = ?, UPDATED_AT = ? "
                    + "WHERE ID = ? AND ENROLMENTS = 0", req.name().trim(), req.kind(), req.periodStart(), req.periodEnd(), now,
                    id) == 0) {
                throw HubException.conflict("periodStart", "plan " + id
                        + " is in use: its rules change only by a new version (POST /api/mutual-aid/plans/" + id + "/versions)");
            }
            Benefits.deleteOfPlan(c, id);
            Sql.update(c, "DELETE FROM MUTUALAID_BAND WHERE VERSION_ID IN (SELECT ID FROM MUTUALAID_PLAN_VERSION WHERE PLAN_ID = ?)", id);
            Sql.update(c, "DELETE FROM MUTUALAID_PLAN_VERSION WHERE PLAN_ID = ?", id);
            insertVersion(c, caller, id, 1, req.rules(), now);
            audit.record(c, caller, "mutualaid.plan.update", "plan", id, changes(req.name(), req.kind(), req.rules()));
            return null;
        });
        return get(id);
    }

    public Plan addVersion(Caller caller, long id, PlanRules rules) {
        Access.requireAdmin(caller);
        Validation v = new Validation();
        v.required("effectiveFrom", rules.effectiveFrom());
        RulesCheck.check(v, rules);
        v.throwIfInvalid();
        db.inTransaction(c -> {
            PlanHead plan = head(c, id);
            Validation benefits = new Validation();
            Benefits.check(benefits, plan.kind(), rules);
            benefits.throwIfInvalid();
            // serialise version writers of this plan
            Sql.update(c, "UPDATE MUTUALAID_PLAN SET UPDATED_AT = ? WHERE ID = ?", Instant.now(), id);
            LocalDate from = rules.effectiveFrom();
            if (!plan.inPeriod(from)) {
                throw HubException.invalid("effectiveFrom", "must lie in the plan's period " + plan.periodStart() + " to "
                        + plan.periodEnd());
            }
            List<Version> versions = versions(c, id);
            Version last = versions.get(versions.size() - 1);
            if (!from.isAfter(last.effectiveFrom())) {
                throw HubException.conflict("effectiveFrom", "must be after " + last.effectiveFrom()
                        + ", when version " + last.no() + " took effect");
            }
            boolean inUse = enrolled(c, id) > 0;
            if (inUse && from.isBefore(today())) {
                throw HubException.conflict("effectiveFrom", "the plan is in use: a new version cannot apply retroactively "
                        + "(before today, " + today() + ")");
            }
            Optional<LocalDate> lastAdmission = Sql.one(c, "SELECT MAX(ADMITTED_ON) FROM MUTUALAID_CLAIM WHERE PLAN_ID = ?",
                    rs -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), id);
            if (lastAdmission.isPresent() && !from.isAfter(lastAdmission.get())) {
                throw HubException.conflict("effectiveFrom", "claims with admission dates up to " + lastAdmission.get()
                        + " already exist; a new version must start after that");
            }
            Instant now = Instant.now();
            insertVersion(c, caller, id, last.no() + 1, rules, now);
            Map<String, Object> ch = changes(null, null, rules);
            ch.put("version", last.no() + 1);
            audit.record(c, caller, "mutualaid.plan.version", "plan", id, ch);
            return null;
        });
        return get(id);
    }

    public Plan get(long id) {
        return db.read(c -> view(c, head(c, id)));
    }

    public List<Plan> list() {
        return db.read(c -> {
            List<PlanHead> heads = Sql.list(c, "SELECT * FROM MUTUALAID_PLAN ORDER BY ID", PlanService::head);
            List<Plan> out = new ArrayList<>();
            for (PlanHead h : heads) {
                out.add(view(c, h));
            }
            return out;
        });
    }

    // ---- for the other services, on their connection

    PlanHead head(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM MUTUALAID_PLAN WHERE ID = ?", PlanService::head, id)
                .orElseThrow(() -> HubException.notFound("plan", id));
    }

    /**
     * How many enrolled in the plan: the counter the enrolments keep (migration V3), not a count of a million rows.
     * Within the transaction of a plan's writer (which updates the plan row first), it is exact: an enrolment
     * raises it under the same row's lock.
     */
    long enrolled(Connection c, long id) throws SQLException {
        return Sql.count(c, "SELECT ENROLMENTS FROM MUTUALAID_PLAN WHERE ID = ?", id);
    }

    /** Counts one more enrolment of the plan; call it in the enrolment's own transaction, as its last write. */
    void countEnrolment(Connection c, long id) throws SQLException {
        Sql.update(c, "UPDATE MUTUALAID_PLAN SET ENROLMENTS = ENROLMENTS + 1 WHERE ID = ?", id);
    }

    Optional<PlanHead> findHead(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM MUTUALAID_PLAN WHERE ID = ?", PlanService::head, id);
    }

    /** The version in force on {@code date}: the latest that took effect on or before it (the first before the period). */
    Version versionOn(Connection c, long planId, LocalDate date) throws SQLException {
        List<Version> versions = versions(c, planId);
        Version found = versions.get(0);
        for (Version v : versions) {
            if (!v.effectiveFrom().isAfter(date)) {
                found = v;
            }
        }
        return found;
    }

    Version version(Connection c, long planId, int no) throws SQLException {
        return versions(c, planId).stream().filter(v -> v.no() == no).findFirst()
                .orElseThrow(() -> new IllegalStateException("plan " + planId + " has no version " + no));
    }

    List<Version> versions(Connection c, long planId) throws SQLException {
        List<Version> versions = Sql.list(c, "SELECT * FROM MUTUALAID_PLAN_VERSION WHERE PLAN_ID = ? ORDER BY VERSION_NO",
                rs -> version(rs, List.of()), planId);
        List<Version> out = new ArrayList<>();
        for (Version v : versions) {
            List<Band> bands = Sql.list(c, "SELECT UP_TO, RATIO FROM MUTUALAID_BAND WHERE VERSION_ID = ? ORDER BY BAND_NO",
                    rs -> new Band(rs.getBigDecimal(1), ratio(rs.getBigDecimal(2))), v.id());
            out.add(new Version(v.id(), v.planId(), v.no(), v.effectiveFrom(), v.contribution(), v.eligibleKinds(),
                    v.waitingDays(), v.deductible(), bands, v.capPerClaim(), v.capPerPeriod(), Benefits.fixedSums(c, v.id()),
                    Benefits.familyCovers(c, v.id()), v.createdBy(), v.createdAt()));
        }
        return out;
    }

    // ---- internals

    private Plan view(Connection c, PlanHead h) throws SQLException {
        List<Version> versions = versions(c, h.id());
        Version now = versionOn(c, h.id(), today());
        long enrolled = enrolled(c, h.id());
        return new Plan(h.id(), h.name(), h.kind(), h.periodStart(), h.periodEnd(), now.contribution(), now.eligibleKinds(),
                now.waitingDays(), now.deductible(), now.bands(), now.capPerClaim(), now.capPerPeriod(),
                Benefits.view(now.fixedSums()), now.familyCovers(), now.no(),
                now.effectiveFrom(), versions.stream().map(v -> v.view(settings.zone())).toList(), enrolled,
                Times.at(h.createdAt(), settings.zone()));
    }

    private void validate(PlanRequest req) {
        Validation v = new Validation();
        v.required("name", req.name()).maxLength("name", req.name(), 200);
        v.required("kind", req.kind());
        v.required("periodStart", req.periodStart());
        v.required("periodEnd", req.periodEnd());
        v.notBefore("periodEnd", req.periodEnd(), "periodStart", req.periodStart());
        if (req.periodStart() != null && req.periodEnd() != null) {
            v.check(!req.periodEnd().isAfter(req.periodStart().plusYears(5)), "periodEnd", "a period lasts at most five years");
        }
        RulesCheck.check(v, req.rules());
        Benefits.check(v, req.kind(), req.rules());
        v.throwIfInvalid();
    }

    private void insertVersion(Connection c, Caller caller, long planId, int no, PlanRules r, Instant now) throws SQLException {
        long versionId = Sql.insert(c, "INSERT INTO MUTUALAID_PLAN_VERSION (PLAN_ID, VERSION_NO, EFFECTIVE_FROM, CONTRIBUTION, "
                + "ELIGIBLE_KINDS, WAITING_DAYS, DEDUCTIBLE, CAP_PER_CLAIM, CAP_PER_PERIOD, CREATED_BY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", planId, no, r.effectiveFrom(), Money.normalize(r.contribution()),
                kinds(r.eligibleKinds()), r.waitingDays(), Money.normalize(r.deductible()), Money.normalize(r.capPerClaim()),
                Money.normalize(r.capPerPeriod()), caller.username(), now);
        int n = 0;
        for (Band b : r.bands()) {
            Sql.update(c, "INSERT INTO MUTUALAID_BAND (VERSION_ID, BAND_NO, UP_TO, RATIO) VALUES (?, ?, ?, ?)", versionId, n++,
                    Money.normalize(b.upTo()), b.ratio());
        }
        Benefits.insert(c, versionId, r);
    }

    private static String kinds(Set<EmploymentForm> kinds) {
        return kinds == null ? "" : kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<EmploymentForm> kinds(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        EnumSet<EmploymentForm> set = EnumSet.noneOf(EmploymentForm.class);
        Arrays.stream(csv.split(",")).map(EmploymentForm::valueOf).forEach(set::add);
        return new TreeSet<>(set);
    }

    /** Ratios are stored with four decimals; show them without trailing zeros (0.5, not 0.5000). */
    private static BigDecimal ratio(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        return s.scale() < 1 ? s.setScale(1) : s;
    }

    private static Map<String, Object> changes(String name, PlanKind kind, PlanRules r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (name != null) {
            m.put("name", name);
            m.put("kind", kind);
        }
        m.put("effectiveFrom", r.effectiveFrom());
        m.put("contribution", r.contribution());
        m.put("eligibleKinds", r.eligibleKinds());
        m.put("waitingDays", r.waitingDays());
        m.put("deductible", r.deductible());
        m.put("bands", r.bands());
        m.put("capPerClaim", r.capPerClaim());
        m.put("capPerPeriod", r.capPerPeriod());
        m.put("fixedSums", r.fixedSums());
        m.put("familyCovers", r.familyCovers());
        return m;
    }

    private static PlanHead head(ResultSet rs) throws SQLException {
        return new PlanHead(rs.getLong("ID"), rs.getString("NAME"), Sql.getEnum(rs, "KIND", PlanKind.class),
                Sql.getDate(rs, "PERIOD_START"), Sql.getDate(rs, "PERIOD_END"), Sql.getInstant(rs, "CREATED_AT"));
    }

    private static Version version(ResultSet rs, List<Band> bands) throws SQLException {
        return new Version(rs.getLong("ID"), rs.getLong("PLAN_ID"), rs.getInt("VERSION_NO"), Sql.getDate(rs, "EFFECTIVE_FROM"),
                rs.getBigDecimal("CONTRIBUTION"), kinds(rs.getString("ELIGIBLE_KINDS")), rs.getInt("WAITING_DAYS"),
                rs.getBigDecimal("DEDUCTIBLE"), bands, rs.getBigDecimal("CAP_PER_CLAIM"), rs.getBigDecimal("CAP_PER_PERIOD"),
                Map.of(), Set.of(), rs.getString("CREATED_BY"), Sql.getInstant(rs, "CREATED_AT"));
    }
}
