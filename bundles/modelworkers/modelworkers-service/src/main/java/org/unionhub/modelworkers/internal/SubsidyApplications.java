package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;
import org.unionhub.modelworkers.api.ModelWorkerEvents;

/**
 * Special subsidies applied for, reviewed, then paid (劳模专项补助资金): an officer of the model worker's union
 * applies, a {@value #REVIEWER} approves (perhaps for less) or rejects, a {@value #PAYER} pays it from a named source
 * of funds on behalf of a union, and the ledger gets the payment. Three people: the applicant never reviews or pays,
 * the reviewer never pays (admins included). Each step is a conditional update on the application's status.
 */
@Component(service = SubsidyApplications.class)
public class SubsidyApplications {

    /** Reviews subsidy applications (with officer, in the record's organisation chain). */
    public static final String REVIEWER = "subsidy-reviewer";
    /** Pays approved subsidies for a union (with officer, in the record's organisation chain). */
    public static final String PAYER = "subsidy-payer";

    private static final String RECORD_ORGS = "SELECT DISTINCT ORG_ID FROM " + Archive.RECORD;
    private static final String SELECT = "SELECT A.*, R.NAME FROM MODELWORKERS_SUBSIDY_APPLICATION A JOIN " + Archive.RECORD
            + " R ON R.ID = A.RECORD_ID";
    private static final Keyset PAGES = Keyset.by("A.ID");

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final HubSettings hub;
    private final Configured config;
    private final Archive archive;
    private final Events events;

    @Activate
    public SubsidyApplications(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db,
            @Reference AuditLog audit, @Reference MemberDirectory directory, @Reference HubSettings hub,
            @Reference Configured config, @Reference Archive archive, @Reference EventAdmin eventAdmin) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.hub = hub;
        this.config = config;
        this.archive = archive;
        this.events = new Events(db, eventAdmin);
    }

    /** Applies; the amounts and refusals are the fund's rules (yearly amount by title, hardship cap, status). */
    public SubsidyApplication apply(Caller caller, SubsidyRequest req) {
        Settings s = config.get();
        Validation v = new Validation();
        v.required("recordId", req.recordId());
        v.required("kind", req.kind());
        int now = LocalDate.now(hub.zone()).getYear();
        v.required("year", req.year());
        v.valid("year", req.year(), y -> y >= Subsidies.FIRST_LEDGER_YEAR && y <= now,
                "must be between " + Subsidies.FIRST_LEDGER_YEAR + " and " + now);
        v.money("amount", req.amount()).positive("amount", req.amount());
        v.maxLength("note", req.note(), 500);
        if (req.kind() == SubsidyKind.HARDSHIP_RELIEF) {
            v.required("amount", req.amount());
            v.valid("amount", req.amount(), a -> a.compareTo(s.hardshipMax()) <= 0,
                    "must not exceed " + s.hardshipMax().toPlainString() + " for one relief");
            v.required("note", req.note());
        }
        v.throwIfInvalid();
        String taken = "the yearly special subsidy for " + req.year() + " was applied for or paid to this record already";
        long id;
        try {
            id = db.inTransaction(c -> {
                Archive.Row row = archive.rowOf(c, req.recordId()).filter(r -> caller.canManage(r.orgId(), directory))
                        .orElseThrow(() -> HubException.invalid("recordId", "record " + req.recordId() + " does not exist"));
                String refusal = Rules.subsidyRefusal(row.status(), s);
                if (refusal != null) {
                    throw HubException.conflict("recordId", refusal);
                }
                BigDecimal amount = req.amount() == null ? null : Money.normalize(req.amount());
                String annualKey = null;
                if (req.kind() == SubsidyKind.ANNUAL_SPECIAL) {
                    List<String> levels = archive.levelsOf(c, row.id());
                    BigDecimal due = Rules.annualAmount(levels, s);
                    if (due == null) {
                        throw HubException.conflict("kind", "no yearly special subsidy is configured for the titles "
                                + String.join(", ", levels));
                    }
                    if (amount != null && amount.compareTo(due) > 0) {
                        throw HubException.invalid("amount", "must not exceed " + due.toPlainString()
                                + ", the yearly special subsidy for this record's titles");
                    }
                    amount = amount == null ? due : amount;
                    annualKey = row.id() + "/" + req.year();
                    if (Sql.count(c, "SELECT COUNT(*) FROM MODELWORKERS_SUBSIDY WHERE ANNUAL_KEY = ?", annualKey) > 0
                            || Sql.count(c, "SELECT COUNT(*) FROM MODELWORKERS_SUBSIDY_APPLICATION WHERE ANNUAL_KEY = ?", annualKey) > 0) {
                        throw HubException.conflict("year", taken);
                    }
                }
                long aid = Sql.insert(c, "INSERT INTO MODELWORKERS_SUBSIDY_APPLICATION (RECORD_ID, KIND, SUBSIDY_YEAR, AMOUNT, NOTE, "
                        + "ANNUAL_KEY, STATUS, APPLIED_BY, APPLIED_AT) VALUES (?, ?, ?, ?, ?, ?, 'APPLIED', ?, ?)", row.id(), req.kind(),
                        req.year(), amount, Texts.blankToNull(req.note()), annualKey, caller.username(), Instant.now());
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("recordId", row.id());
                changes.put("kind", req.kind());
                changes.put("year", req.year());
                changes.put("amount", amount);
                audit.record(c, caller, "modelworkers.subsidy.apply", "subsidy-application", aid, changes);
                return aid;
            });
        } catch (HubException e) {
            // a concurrent application for the same year got there first: the unique ANNUAL_KEY refused this one
            if (e.status() == 409 && e.errors().isEmpty()) {
                throw HubException.conflict("year", taken);
            }
            throw e;
        }
        return get(caller, id);
    }

    public SubsidyApplication approve(Caller caller, long id, SubsidyDecision d) {
        requireRole(caller, REVIEWER, "review");
        SubsidyDecision decision = d == null ? new SubsidyDecision(null, null) : d;
        Validation v = new Validation();
        v.money("amount", decision.amount()).positive("amount", decision.amount());
        v.maxLength("note", decision.note(), 500);
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Step s = step(c, caller, id, "APPLIED", "APPROVED", "approve");
            BigDecimal amount = s.asked;
            String note = Texts.blankToNull(decision.note());
            if (decision.amount() != null) {
                amount = Money.normalize(decision.amount());
                if (amount.compareTo(s.asked) > 0) {
                    throw HubException.invalid("amount", "must not exceed the " + s.asked.toPlainString() + " applied for");
                }
                if (amount.compareTo(s.asked) < 0 && note == null) {
                    throw HubException.invalid("note", "is required to approve less than the " + s.asked.toPlainString()
                            + " applied for");
                }
            }
            separate(caller, id, s.appliedBy, "applied for", "review");
            Sql.update(c, "UPDATE MODELWORKERS_SUBSIDY_APPLICATION SET REVIEWED_BY = ?, REVIEWED_AT = ?, APPROVED_AMOUNT = ?, "
                    + "REVIEW_NOTE = ? WHERE ID = ?", caller.username(), Instant.now(), amount, note, id);
            audit.record(c, caller, "modelworkers.subsidy.approve", "subsidy-application", id,
                    Map.of("status", SubsidyStatus.APPROVED, "amount", amount));
            return null;
        });
        return get(caller, id);
    }

    public SubsidyApplication reject(Caller caller, long id, SubsidyDecision d) {
        requireRole(caller, REVIEWER, "review");
        String note = d == null ? null : Texts.blankToNull(d.note());
        Validation v = new Validation();
        v.required("note", note).maxLength("note", note, 500);
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Step s = step(c, caller, id, "APPLIED", "REJECTED", "reject");
            separate(caller, id, s.appliedBy, "applied for", "review");
            // a rejected yearly application no longer holds its year: the union may apply again
            Sql.update(c, "UPDATE MODELWORKERS_SUBSIDY_APPLICATION SET REVIEWED_BY = ?, REVIEWED_AT = ?, REVIEW_NOTE = ?, "
                    + "ANNUAL_KEY = NULL WHERE ID = ?", caller.username(), Instant.now(), note, id);
            audit.record(c, caller, "modelworkers.subsidy.reject", "subsidy-application", id,
                    Map.of("status", SubsidyStatus.REJECTED));
            return null;
        });
        return get(caller, id);
    }

    /** Pays the approved amount into the ledger, recording the paying union and the source of the funds. */
    public SubsidyApplication pay(Caller caller, long id, SubsidyPayment p) {
        requireRole(caller, PAYER, "payment");
        String source = p == null ? null : Texts.blankToNull(p.fundSource());
        Long payingOrg = p == null ? null : p.payingOrgId();
        Validation v = new Validation();
        v.required("payingOrgId", payingOrg);
        v.required("fundSource", source).maxLength("fundSource", source, 200);
        v.throwIfInvalid();
        if (directory.org(payingOrg).isEmpty() || !caller.canManage(payingOrg, directory)) {
            throw HubException.invalid("payingOrgId", "organisation " + payingOrg + " is not one you pay for");
        }
        db.inTransaction(c -> {
            Step s = step(c, caller, id, "APPROVED", "PAID", "pay");
            separate(caller, id, s.appliedBy, "applied for", "payment");
            separate(caller, id, s.reviewedBy, "reviewed", "payment");
            String refusal = Rules.subsidyRefusal(s.row.status(), config.get());
            if (refusal != null) {
                throw HubException.conflict("recordId", refusal);
            }
            Instant now = Instant.now();
            long sid = Sql.insert(c, "INSERT INTO MODELWORKERS_SUBSIDY (RECORD_ID, KIND, SUBSIDY_YEAR, AMOUNT, NOTE, ANNUAL_KEY, "
                    + "PAID_BY, PAID_AT, APPLICATION_ID, PAYING_ORG_ID, FUND_SOURCE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    s.row.id(), s.kind, s.year, s.approved, s.note, s.annualKey, caller.username(), now, id, payingOrg, source);
            Sql.update(c, "UPDATE MODELWORKERS_SUBSIDY_APPLICATION SET PAID_BY = ?, PAID_AT = ?, PAYING_ORG_ID = ?, FUND_SOURCE = ?, "
                    + "SUBSIDY_ID = ? WHERE ID = ?", caller.username(), now, payingOrg, source, sid, id);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("applicationId", id);
            changes.put("recordId", s.row.id());
            changes.put("amount", s.approved);
            changes.put("payingOrgId", payingOrg);
            changes.put("fundSource", source);
            audit.record(c, caller, "modelworkers.subsidy.pay", "subsidy", sid, changes);
            events.add(ModelWorkerEvents.SUBSIDY_PAID, Map.of("subsidyId", sid, "recordId", s.row.id(), "kind", s.kind.name(),
                    "year", s.year, "amount", s.approved.toPlainString()));
            return null;
        });
        return get(caller, id);
    }

    /** The steps the caller may take on the application now ({@code approve}, {@code reject}, {@code pay}). */
    public NominationActions.SubsidySteps actions(Caller caller, long id) {
        SubsidyApplication a = get(caller, id);
        List<String> out = new ArrayList<>();
        boolean reviewer = caller.isAdmin() || caller.hasRole(Roles.OFFICER) && caller.hasRole(REVIEWER);
        boolean payer = caller.isAdmin() || caller.hasRole(Roles.OFFICER) && caller.hasRole(PAYER);
        if (a.status() == SubsidyStatus.APPLIED && reviewer && !caller.username().equals(a.appliedBy())) {
            out.add("approve");
            out.add("reject");
        }
        if (a.status() == SubsidyStatus.APPROVED && payer && !caller.username().equals(a.appliedBy())
                && !caller.username().equals(a.reviewedBy())) {
            out.add("pay");
        }
        return new NominationActions.SubsidySteps(id, a.status().name(), out);
    }

    public SubsidyApplication get(Caller caller, long id) {
        return db.read(c -> {
            SubsidyApplication a = Sql.one(c, SELECT + " WHERE A.ID = ?", this::view, id)
                    .orElseThrow(() -> HubException.notFound("subsidy application", id));
            Archive.Row row = archive.rowOf(c, a.recordId()).orElseThrow();
            if (!caller.canManage(row.orgId(), directory)) {
                throw HubException.notFound("subsidy application", id);
            }
            return a;
        });
    }

    public Page<SubsidyApplication> list(Caller caller, SubsidyStatus status, Long recordId, PageRequest page) {
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            Scope.orgClause(c, RECORD_ORGS, "R.ORG_ID", org -> caller.canManage(org, directory), null, directory, where, params);
            if (status != null) {
                where.append(" AND A.STATUS = ?");
                params.add(status);
            }
            if (recordId != null) {
                where.append(" AND A.RECORD_ID = ?");
                params.add(recordId);
            }
            return PAGES.page(c, "SELECT A.*, R.NAME", " FROM MODELWORKERS_SUBSIDY_APPLICATION A JOIN " + Archive.RECORD
                    + " R ON R.ID = A.RECORD_ID" + where, params, page, this::view);
        });
    }

    // ---- internals

    /** An application moved by a step, as the step needs it. */
    private record Step(Archive.Row row, SubsidyKind kind, int year, BigDecimal asked, BigDecimal approved, String note,
            String annualKey, String appliedBy, String reviewedBy) {
    }

    /**
     * Takes the step with a conditional update of the status (which also locks the application, so two steps of one
     * application queue); 404 outside the caller's chain, 409 from another status.
     */
    private Step step(Connection c, Caller caller, long id, String from, String to, String verb) throws SQLException {
        Step s = Sql.one(c, "SELECT * FROM MODELWORKERS_SUBSIDY_APPLICATION WHERE ID = ?", rs -> new Step(null,
                SubsidyKind.valueOf(rs.getString("KIND")), rs.getInt("SUBSIDY_YEAR"), rs.getBigDecimal("AMOUNT"),
                rs.getBigDecimal("APPROVED_AMOUNT"), rs.getString("NOTE"), rs.getString("ANNUAL_KEY"), rs.getString("APPLIED_BY"),
                rs.getString("REVIEWED_BY")), id).orElseThrow(() -> HubException.notFound("subsidy application", id));
        long recordId = Sql.one(c, "SELECT RECORD_ID FROM MODELWORKERS_SUBSIDY_APPLICATION WHERE ID = ?", rs -> rs.getLong(1), id)
                .orElseThrow();
        Archive.Row row = archive.rowOf(c, recordId).filter(r -> caller.canManage(r.orgId(), directory))
                .orElseThrow(() -> HubException.notFound("subsidy application", id));
        if (Sql.update(c, "UPDATE MODELWORKERS_SUBSIDY_APPLICATION SET STATUS = ? WHERE ID = ? AND STATUS = ?", to, id, from) == 0) {
            String now = Sql.one(c, "SELECT STATUS FROM MODELWORKERS_SUBSIDY_APPLICATION WHERE ID = ?", rs -> rs.getString(1), id)
                    .orElse("gone");
            throw HubException.conflict("status", "application " + id + " is " + now + "; " + verb + " needs " + from);
        }
        return new Step(row, s.kind, s.year, s.asked, s.approved, s.note, s.annualKey, s.appliedBy, s.reviewedBy);
    }

    private static void requireRole(Caller caller, String role, String step) {
        if (!caller.isAdmin() && !(caller.hasRole(Roles.OFFICER) && caller.hasRole(role))) {
            throw HubException.forbidden("the " + step + " of a subsidy requires role admin, or officer with " + role);
        }
    }

    /** Refuses (403, field {@code status}) a caller who already took another step of this application. */
    private static void separate(Caller caller, long id, String earlier, String did, String step) {
        if (caller.username().equals(earlier)) {
            String message = "SEPARATE_DUTIES: " + caller.username() + " " + did + " subsidy application " + id + "; its "
                    + step + " must be done by someone else";
            throw new HubException(403, "Separate duties", message, List.of(new FieldError("status", message)));
        }
    }

    private SubsidyApplication view(ResultSet rs) throws SQLException {
        return new SubsidyApplication(rs.getLong("ID"), rs.getLong("RECORD_ID"), rs.getString("NAME"),
                SubsidyKind.valueOf(rs.getString("KIND")), rs.getInt("SUBSIDY_YEAR"), Money.normalize(rs.getBigDecimal("AMOUNT")),
                rs.getString("NOTE"), SubsidyStatus.valueOf(rs.getString("STATUS")), rs.getString("APPLIED_BY"),
                time(Sql.getInstant(rs, "APPLIED_AT")), rs.getString("REVIEWED_BY"), time(Sql.getInstant(rs, "REVIEWED_AT")),
                rs.getBigDecimal("APPROVED_AMOUNT") == null ? null : Money.normalize(rs.getBigDecimal("APPROVED_AMOUNT")),
                rs.getString("REVIEW_NOTE"), rs.getString("PAID_BY"), time(Sql.getInstant(rs, "PAID_AT")),
                Sql.getLong(rs, "PAYING_ORG_ID"), rs.getString("FUND_SOURCE"), Sql.getLong(rs, "SUBSIDY_ID"));
    }

    private OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, hub.zone());
    }
}
