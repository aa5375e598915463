package org.unionhub.mutualaid.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.csv.Csv;
import org.unionhub.api.csv.CsvException;
import org.unionhub.api.csv.CsvRow;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;
import org.unionhub.mutualaid.api.Enrolment;
import org.unionhub.mutualaid.api.MutualAidTopics;

/**
 * Enrolments: one member, or a grassroots union's list (JSON or CSV) row by row, each row in its own
 * transaction so that bad rows do not stop good ones. The unique (plan, member, period) constraint makes a
 * second run of the same file enrol nobody twice. Each enrolment books its contribution in the fund ledger.
 */
@Component(service = EnrolmentService.class)
public class EnrolmentService {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;
    private final MemberDirectory directory;
    private final PlanService plans;
    private final Configured config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public EnrolmentService(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference HubSettings settings, @Reference MemberDirectory directory, @Reference PlanService plans,
            @Reference Configured config) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.directory = directory;
        this.plans = plans;
        this.config = config;
    }

    /** The outcome of one enrolment attempt; a refusal is thrown as a {@link HubException}. */
    private record Outcome(Enrolment enrolment, boolean created) {
    }

    public Enrolment enrol(Caller caller, long planId, EnrolmentRequest req) {
        if (req.memberId() == null && req.cardNumber() == null && caller.memberId() == null) {
            throw HubException.invalid("memberId", "is required");
        }
        plans.get(planId); // 404 before anything else
        Outcome o = enrolOne(caller, planId, req);
        if (!o.created()) {
            throw HubException.conflict("memberId", "member " + o.enrolment().memberId() + " is already enrolled in plan "
                    + planId + " for the period from " + o.enrolment().periodStart() + " (enrolment " + o.enrolment().id() + ")");
        }
        return o.enrolment();
    }

    public BulkReport bulk(Caller caller, long planId, List<EnrolmentRequest> rows) {
        requireBulkCaller(caller);
        if (rows == null || rows.isEmpty()) {
            throw HubException.invalid("$", "at least one row is required");
        }
        checkSize(rows.size(), "$");
        plans.get(planId);
        List<BulkRow> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            EnrolmentRequest r = rows.get(i);
            results.add(r == null ? refused(i + 1, null, null, "the row is empty") : row(caller, planId, i + 1, r));
        }
        return report(planId, results);
    }

    /** A CSV file with a header naming {@code memberId} and/or {@code cardNumber}, and optionally {@code enrolledOn}. */
    public BulkReport bulkCsv(Caller caller, long planId, String csv) {
        requireBulkCaller(caller);
        List<CsvRow> lines = rows(csv);
        if (lines.isEmpty()) {
            throw HubException.invalid("csv", "the file is empty; it needs a header and at least one row");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = lines.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
            columns.putIfAbsent(name, i);
        }
        int memberCol = columns.getOrDefault("memberid", -1);
        int cardCol = columns.getOrDefault("cardnumber", -1);
        int dateCol = columns.getOrDefault("enrolledon", -1);
        int paidByCol = columns.getOrDefault("paidby", -1);
        int payerCol = columns.getOrDefault("payername", -1);
        if (memberCol < 0 && cardCol < 0) {
            throw HubException.invalid("csv", "line " + lines.get(0).line()
                    + ": the header must name a memberId or a cardNumber column");
        }
        if (lines.size() < 2) {
            throw HubException.invalid("csv", "the file has a header but no rows");
        }
        checkSize(lines.size() - 1, "csv");
        plans.get(planId);
        List<BulkRow> results = new ArrayList<>();
        for (CsvRow row : lines.subList(1, lines.size())) {
            int line = Math.toIntExact(row.line());
            String idText = row.cell(memberCol);
            String card = Texts.blankToNull(row.cell(cardCol));
            String dateText = Texts.blankToNull(row.cell(dateCol));
            Long memberId = null;
            if (idText != null && !idText.isBlank()) {
                try {
                    memberId = Long.valueOf(idText.trim());
                } catch (NumberFormatException e) {
                    results.add(refused(line, null, card, "memberId '" + idText + "' is not a number"));
                    continue;
                }
            }
            if (memberId == null && card == null) {
                results.add(refused(line, null, null, "neither memberId nor cardNumber is given"));
                continue;
            }
            LocalDate on = null;
            if (dateText != null) {
                try {
                    on = LocalDate.parse(dateText);
                } catch (DateTimeParseException e) {
                    results.add(refused(line, memberId, card, "enrolledOn '" + dateText + "' is not a date (yyyy-MM-dd)"));
                    continue;
                }
            }
            PayerKind paidBy = null;
            String paidByText = Texts.blankToNull(row.cell(paidByCol));
            if (paidByText != null) {
                try {
                    paidBy = PayerKind.valueOf(paidByText.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    results.add(refused(line, memberId, card, "paidBy '" + paidByText + "' is not MEMBER, EMPLOYER or UNION"));
                    continue;
                }
            }
            results.add(row(caller, planId, line, new EnrolmentRequest(memberId, card, on, paidBy,
                    Texts.blankToNull(row.cell(payerCol)))));
        }
        return report(planId, results);
    }

    /**
     * A plan's enrolments that the caller may see: all for an admin, his organisation's subtree for an officer, his
     * own for a member; the scope is part of the query, since a province counts a million ({@link EnrolmentPages}).
     */
    public Page<Enrolment> list(Caller caller, long planId, PageRequest page) {
        return db.read(c -> {
            plans.head(c, planId); // 404 for an unknown plan; the plan's view is not needed
            return EnrolmentPages.page(c, caller, directory, planId, page, this::enrolment);
        });
    }

    public Optional<Enrolment> enrolment(long planId, long memberId, LocalDate on) {
        return db.read(c -> {
            Optional<PlanHead> plan = plans.findHead(c, planId);
            if (plan.isEmpty() || !plan.get().inPeriod(on)) {
                return Optional.<Enrolment>empty();
            }
            return Sql.one(c, "SELECT * FROM MUTUALAID_ENROLMENT WHERE PLAN_ID = ? AND MEMBER_ID = ? AND PERIOD_START = ? "
                    + "AND ENROLLED_ON <= ?", this::enrolment, planId, memberId, plan.get().periodStart(), on);
        });
    }

    // ---- one enrolment

    private BulkRow row(Caller caller, long planId, int row, EnrolmentRequest r) {
        try {
            Outcome o = enrolOne(caller, planId, r);
            return new BulkRow(row, o.enrolment().memberId(), r.cardNumber(),
                    o.created() ? BulkStatus.ENROLLED : BulkStatus.ALREADY_ENROLLED, o.enrolment().id(), null);
        } catch (HubException e) {
            String reason = e.errors().isEmpty() ? e.detail() : e.errors().get(0).field() + ": " + e.errors().get(0).message();
            return refused(row, r.memberId(), r.cardNumber(), reason);
        }
    }

    private Outcome enrolOne(Caller caller, long planId, EnrolmentRequest req) {
        MemberInfo member = resolve(caller, req);
        if (!Access.actsFor(caller, member.id(), member.orgId(), directory)) {
            throw HubException.forbidden("member " + member.id() + " is outside your organisation");
        }
        LocalDate today = plans.today();
        LocalDate on = req.enrolledOn() == null ? today : req.enrolledOn();
        if (on.isAfter(today)) {
            throw HubException.invalid("enrolledOn", "must not be in the future");
        }
        if (on.isBefore(today) && !caller.isAdmin()) {
            throw HubException.invalid("enrolledOn", "only an admin may backdate an enrolment");
        }
        PayerKind paidBy = req.paidBy() == null ? PayerKind.MEMBER : req.paidBy();
        String payerName = Texts.blankToNull(req.payerName());
        Validation pv = new Validation();
        pv.check(paidBy != PayerKind.OTHER, "paidBy", "a contribution is paid by the MEMBER, his EMPLOYER or a UNION");
        pv.check(paidBy == PayerKind.MEMBER || payerName != null, "payerName", "names the employer or union that pays");
        pv.maxLength("payerName", payerName, 200);
        pv.throwIfInvalid();
        Outcome o = db.inTransaction(c -> {
            PlanHead plan = plans.head(c, planId);
            if (on.isAfter(plan.periodEnd())) {
                throw HubException.invalid("enrolledOn", "the plan's period ended on " + plan.periodEnd());
            }
            LocalDate start = on.isBefore(plan.periodStart()) ? plan.periodStart() : on;
            Version v = plans.versionOn(c, planId, start);
            if (!v.covers(member.employmentForm())) {
                throw HubException.invalid("memberId", "NOT_COVERED: the plan covers " + v.eligibleKinds() + ", member "
                        + member.id() + " is " + member.employmentForm());
            }
            Optional<Enrolment> existing = existing(c, planId, member.id(), plan.periodStart());
            if (existing.isPresent()) {
                return new Outcome(existing.get(), false);
            }
            LocalDate coveredFrom = start.plusDays(v.waitingDays());
            Instant now = Instant.now();
            long id;
            try {
                id = Sql.insert(c, "INSERT INTO MUTUALAID_ENROLMENT (PLAN_ID, MEMBER_ID, ORG_ID, PERIOD_START, ENROLLED_ON, "
                        + "COVERED_FROM, CONTRIBUTION, VERSION_NO, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        planId, member.id(), member.orgId(), plan.periodStart(), on, coveredFrom, v.contribution(), v.no(),
                        caller.username(), now);
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    // a concurrent enrolment of the same member won; report it as already enrolled
                    return null;
                }
                throw e;
            }
            Sql.update(c, "INSERT INTO MUTUALAID_PERIOD_TOTAL (PLAN_ID, MEMBER_ID, PERIOD_START, APPROVED) VALUES (?, ?, ?, ?)",
                    planId, member.id(), plan.periodStart(), Money.ZERO);
            Sql.update(c, "INSERT INTO MUTUALAID_LEDGER (PLAN_ID, KIND, AMOUNT, MEMBER_ID, ENROLMENT_ID, BOOKED_ON, BOOKED_BY, "
                    + "BOOKED_AT, PAID_BY, PAYER_NAME) VALUES (?, 'CONTRIBUTION', ?, ?, ?, ?, ?, ?, ?, ?)", planId, v.contribution(),
                    member.id(), id, on, caller.username(), now, paidBy, payerName);
            FundBalance.credit(c, planId, v.contribution());
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("planId", planId);
            ch.put("memberId", member.id());
            ch.put("enrolledOn", on);
            ch.put("contribution", v.contribution());
            ch.put("paidBy", paidBy);
            ch.put("version", v.no());
            audit.record(c, caller, "mutualaid.enrolment.create", "enrolment", id, ch);
            plans.countEnrolment(c, planId); // last: the plan row's lock is held only until the commit that follows
            return new Outcome(existing(c, planId, member.id(), plan.periodStart()).orElseThrow(), true);
        });
        if (o == null) {
            return db.read(c -> new Outcome(existing(c, planId, member.id(), plans.head(c, planId).periodStart()).orElseThrow(),
                    false));
        }
        if (o.created()) {
            Events.post(events, MutualAidTopics.ENROLLED, "planId", planId, "memberId", member.id(), "enrolmentId",
                    o.enrolment().id(), "amount", o.enrolment().contribution().toPlainString());
        }
        return o;
    }

    /**
     * The member a request names. One the caller may not act for is answered exactly like one that does not exist,
     * so that an officer cannot learn which cards and member ids exist in other districts.
     */
    private MemberInfo resolve(Caller caller, EnrolmentRequest req) {
        if (req.memberId() != null) {
            return directory.member(req.memberId()).filter(m -> Access.actsFor(caller, m.id(), m.orgId(), directory))
                    .orElseThrow(() -> HubException.invalid("memberId", "member " + req.memberId() + " does not exist"));
        }
        if (req.cardNumber() != null && !req.cardNumber().isBlank()) {
            return directory.memberByCardNumber(req.cardNumber().trim())
                    .filter(m -> Access.actsFor(caller, m.id(), m.orgId(), directory))
                    .orElseThrow(() -> HubException.invalid("cardNumber", "no member holds union card " + req.cardNumber().trim()));
        }
        if (caller.memberId() != null) {
            return directory.member(caller.memberId())
                    .orElseThrow(() -> HubException.invalid("memberId", "member " + caller.memberId() + " does not exist"));
        }
        throw HubException.invalid("memberId", "is required");
    }

    private Optional<Enrolment> existing(Connection c, long planId, long memberId, LocalDate periodStart) throws SQLException {
        return Sql.one(c, "SELECT * FROM MUTUALAID_ENROLMENT WHERE PLAN_ID = ? AND MEMBER_ID = ? AND PERIOD_START = ?",
                this::enrolment, planId, memberId, periodStart);
    }

    Enrolment enrolment(ResultSet rs) throws SQLException {
        return new Enrolment(rs.getLong("ID"), rs.getLong("PLAN_ID"), rs.getLong("MEMBER_ID"), rs.getLong("ORG_ID"),
                Sql.getDate(rs, "PERIOD_START"), Sql.getDate(rs, "ENROLLED_ON"), Sql.getDate(rs, "COVERED_FROM"),
                rs.getBigDecimal("CONTRIBUTION"), rs.getInt("VERSION_NO"), rs.getString("CREATED_BY"),
                Times.at(Sql.getInstant(rs, "CREATED_AT"), settings.zone()));
    }

    private void requireBulkCaller(Caller caller) {
        if (!caller.isAdmin() && !(caller.hasRole(Roles.OFFICER) && caller.orgId() != null)) {
            throw HubException.forbidden("requires role officer or admin");
        }
    }

    private void checkSize(int rows, String field) {
        if (rows > config.bulkMaxRows()) {
            throw HubException.invalid(field, "at most " + config.bulkMaxRows() + " rows per file; this one has " + rows);
        }
    }

    /** The file's records without its blank lines; a file that is not CSV is refused with the line it broke on. */
    private static List<CsvRow> rows(String csv) {
        try {
            return Csv.parse(csv).stream().filter(r -> !r.isBlank()).toList();
        } catch (CsvException e) {
            throw HubException.badRequest("csv", e.getMessage());
        }
    }

    private static BulkRow refused(int row, Long memberId, String card, String reason) {
        return new BulkRow(row, memberId, card, BulkStatus.REFUSED, null, reason);
    }

    private static BulkReport report(long planId, List<BulkRow> rows) {
        int enrolled = (int) rows.stream().filter(r -> r.status() == BulkStatus.ENROLLED).count();
        int already = (int) rows.stream().filter(r -> r.status() == BulkStatus.ALREADY_ENROLLED).count();
        return new BulkReport(planId, rows.size(), enrolled, already, rows.size() - enrolled - already, rows);
    }
}
