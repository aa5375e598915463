package org.unionhub.recuperation.internal.settle;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;
import org.unionhub.recuperation.api.BookingQuote;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyPolicy;
import org.unionhub.recuperation.internal.BookedMember;
import org.unionhub.recuperation.internal.Booking;
import org.unionhub.recuperation.internal.Bookings;
import org.unionhub.recuperation.internal.Catalogue;
import org.unionhub.recuperation.internal.Policies;
import org.unionhub.recuperation.internal.Programme;
import org.unionhub.recuperation.internal.Sanatorium;
import org.unionhub.recuperation.internal.budget.BudgetLedger;

/**
 * After the stay: the organising union records who went and for how many days, files a settlement priced by the
 * policy for the days actually stayed (never more than the booking reserved), a higher level approves or rejects
 * it, and it is paid. On approval the budget gets back what was reserved beyond the settled amount, so a budget is
 * drawn by what was settled. The organiser cannot review or pay its own settlement, nor can the one who filed it.
 */
@Component(service = Settlements.class)
public class Settlements {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final Catalogue catalogue;
    private final Bookings bookings;
    private final Policies policies;

    @Activate
    public Settlements(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference Catalogue catalogue, @Reference Bookings bookings,
            @Reference Policies policies) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.policies = policies;
    }

    /** Records the attendance of every traveller; only the organiser's officers, once the stay has begun, before a settlement stands. */
    public List<Settlement.Traveller> recordAttendance(Caller caller, long bookingId, AttendanceRequest req) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        return db.inTransaction(c -> {
            Booking b = organisers(c, caller, bookingId);
            if (b.startDate().isAfter(catalogue.today())) {
                throw HubException.conflict("startDate", "the stay begins on " + b.startDate() + "; attendance is recorded from that day");
            }
            refuseStandingSettlement(c, bookingId);
            List<AttendanceRequest.Attendance> entries = req.attendance() == null ? List.of() : req.attendance();
            Validation v = new Validation();
            v.required("attendance", req.attendance());
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                AttendanceRequest.Attendance e = entries.get(i);
                String f = "attendance[" + i + "]";
                if (e == null) {
                    v.error(f, "is required");
                    continue;
                }
                v.required(f + ".memberId", e.memberId()).required(f + ".days", e.days()).required(f + ".completed", e.completed());
                v.check(e.memberId() == null || b.memberIds().contains(e.memberId()), f + ".memberId",
                        "member " + e.memberId() + " is not on booking " + bookingId);
                v.check(e.memberId() == null || seen.add(e.memberId()), f + ".memberId", "names member " + e.memberId() + " twice");
                v.check(e.days() == null || e.days() >= 0 && e.days() <= b.days(), f + ".days", "must lie between 0 and the stay's "
                        + b.days() + " days");
                v.check(e.days() == null || e.completed() == null || !e.completed() || e.days() > 0, f + ".completed",
                        "a member who stayed 0 days did not complete the stay");
            }
            v.check(!entries.isEmpty() && seen.containsAll(b.memberIds()), "attendance", "must name every traveller of the booking: "
                    + b.memberIds());
            v.throwIfInvalid();
            for (AttendanceRequest.Attendance e : entries) {
                SettlementStore.recordAttendance(c, bookingId, e.memberId(), e.days(), e.completed());
            }
            audit.record(c, caller, "recuperation.attendance.record", "booking", bookingId, Map.of("attendance", entries.stream()
                    .map(e -> e.memberId() + ":" + e.days() + (e.completed() ? "" : " (left early)")).toList()));
            return SettlementStore.lines(c, bookingId);
        });
    }

    /** The organiser files the settlement after the stay, once attendance is recorded; the policy prices the days stayed. */
    public Settlement file(Caller caller, long bookingId) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Booking booked = db.read(c -> organisers(c, caller, bookingId));
        java.time.LocalDate lastDay = booked.startDate().plusDays(booked.days() - 1L);
        if (!catalogue.today().isAfter(lastDay)) {
            throw HubException.conflict("status", "the stay ends on " + lastDay + "; it is settled from the day after");
        }
        Map<Long, BigDecimal> priced = price(booked, db.read(c -> SettlementStore.lines(c, bookingId)));
        long id = db.inTransaction(c -> {
            Booking b = organisers(c, caller, bookingId);
            refuseStandingSettlement(c, bookingId);
            List<Settlement.Traveller> lines = SettlementStore.lines(c, bookingId);
            int persons = 0;
            int days = 0;
            BigDecimal total = Money.ZERO;
            for (Settlement.Traveller l : lines) {
                BigDecimal settled = Money.min(l.booked(), priced.getOrDefault(l.memberId(), Money.ZERO));
                SettlementStore.recordSettled(c, bookingId, l.memberId(), settled);
                persons += l.attendedDays() > 0 ? 1 : 0;
                days += l.attendedDays();
                total = total.add(settled);
            }
            long sid = SettlementStore.file(c, bookingId, b.organiserOrgId(), persons, days, b.subsidyTotal(), total, caller.username());
            audit.record(c, caller, "recuperation.settlement.file", "settlement", sid,
                    Map.of("bookingId", bookingId, "persons", persons, "personDays", days, "amount", total));
            return sid;
        });
        return load(id);
    }

    /** A higher level approves (the budget keeps only the settled amount) or rejects with a note. */
    public Settlement review(Caller caller, long id, ReviewRequest req) {
        Validation v = new Validation();
        v.required("approve", req.approve());
        v.check(req.approve() == null || req.approve() || req.note() != null && !req.note().isBlank(), "note",
                "a rejection says what to correct");
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Settlement s = abovers(c, caller, id);
            boolean approve = req.approve();
            if (!SettlementStore.review(c, id, approve ? Settlement.APPROVED : Settlement.REJECTED, caller.username(),
                    Texts.blankToNull(req.note()))) {
                throw HubException.conflict("status", "settlement " + id + " is " + s.status() + ", not FILED");
            }
            if (approve) {
                BudgetLedger.refundBooking(c, s.bookingId(), true);
            }
            audit.record(c, caller, approve ? "recuperation.settlement.approve" : "recuperation.settlement.reject", "settlement", id,
                    Map.of("amount", s.amount(), "note", req.note() == null ? "" : req.note()));
            return null;
        });
        return load(id);
    }

    /** Pays an approved settlement; not by whoever filed it, nor by the organiser's own officers. */
    public Settlement pay(Caller caller, long id, PaymentRequest req) {
        Validation v = new Validation();
        v.required("paymentReference", req.paymentReference()).check(req.paymentReference() == null
                || !req.paymentReference().isBlank(), "paymentReference", "must not be blank");
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Settlement s = abovers(c, caller, id);
            if (!SettlementStore.pay(c, id, caller.username(), req.paymentReference().trim())) {
                throw HubException.conflict("status", "settlement " + id + " is " + s.status() + "; only an APPROVED one is paid");
            }
            audit.record(c, caller, "recuperation.settlement.pay", "settlement", id,
                    Map.of("amount", s.amount(), "paymentReference", req.paymentReference().trim()));
            return null;
        });
        return load(id);
    }

    public Settlement get(Caller caller, long id) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Settlement s = load(id);
        if (!caller.canManage(s.organiserOrgId(), directory)) {
            throw HubException.notFound("settlement", id);
        }
        return s;
    }

    private static final Keyset PAGES = Keyset.by("S.ID");

    /** Settlements organised in the caller's part of the tree (all for an admin), optionally of one status. */
    public Page<Settlement> list(Caller caller, String status, PageRequest page) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" FROM RECUPERATION_SETTLEMENT S WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (status != null) {
                where.append(" AND S.STATUS = ?");
                params.add(status);
            }
            if (!OrgScope.appendFor(caller, directory, "S.ORGANISER_ORG_ID", where, params)) {
                where.append(" AND 1 = 0");
            }
            Page<Long> ids = PAGES.page(c, "SELECT S.ID", where.toString(), params, page, rs -> rs.getLong(1));
            List<Settlement> items = new ArrayList<>();
            for (long sid : ids.items()) {
                items.add(SettlementStore.load(c, sid, catalogue::at).orElseThrow());
            }
            return new Page<>(items, ids.total(), ids.offset(), ids.limit(), ids.nextCursor(), ids.totalExact());
        });
    }

    private Settlement load(long id) {
        return db.read(c -> SettlementStore.load(c, id, catalogue::at)).orElseThrow(() -> HubException.notFound("settlement", id));
    }

    /** The booking, when the caller manages its organiser and it stands; 404 outside his part of the tree. */
    private Booking organisers(Connection c, Caller caller, long bookingId) throws SQLException {
        Booking b = bookings.load(c, bookingId);
        if (!caller.canManage(b.organiserOrgId(), directory)) {
            throw HubException.notFound("booking", bookingId);
        }
        if (!Booking.ACTIVE.equals(b.status())) {
            throw HubException.conflict("status", "booking " + bookingId + " is " + b.status().toLowerCase() + "; nothing to settle");
        }
        return b;
    }

    /** The settlement, when the caller stands above its organiser (an admin, or an officer of a union above it) and did not file it. */
    private Settlement abovers(Connection c, Caller caller, long id) throws SQLException {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Settlement s = SettlementStore.load(c, id, catalogue::at).orElseThrow(() -> HubException.notFound("settlement", id));
        if (!caller.canManage(s.organiserOrgId(), directory)) {
            throw HubException.notFound("settlement", id);
        }
        SeparateDuties.refuseOwn(caller, s.organiserOrgId(), s.filedBy(), "a settlement");
        return s;
    }

    private static void refuseStandingSettlement(Connection c, long bookingId) throws SQLException {
        Optional<Long> id = SettlementStore.idOfBooking(c, bookingId);
        if (id.isPresent()) {
            String status = org.unionhub.api.db.Sql.one(c, "SELECT STATUS FROM RECUPERATION_SETTLEMENT WHERE ID = ?",
                    rs -> rs.getString(1), id.get()).orElse("");
            if (!Settlement.REJECTED.equals(status)) {
                throw HubException.conflict("status", "settlement " + id.get() + " of booking " + bookingId + " is " + status);
            }
        }
    }

    /**
     * What the policy that priced the booking gives for the days each member stayed; members who stayed the same
     * number of days are priced together, as one booking of that length. 409 when that policy is no longer installed.
     */
    private Map<Long, BigDecimal> price(Booking b, List<Settlement.Traveller> lines) {
        Validation v = new Validation();
        for (Settlement.Traveller l : lines) {
            v.check(l.attendedDays() != null, "attendance", "member " + l.memberId() + " has no attendance recorded");
        }
        v.throwIfInvalid();
        Map<Long, BigDecimal> out = new HashMap<>();
        if (b.policyId() == null || b.subsidyTotal().signum() == 0) {
            return out;
        }
        SubsidyPolicy policy = policies.current().filter(p -> p.id().equals(b.policyId())).orElseThrow(() -> HubException.conflict(
                "policyId", "booking " + b.id() + " was priced by " + b.policyId() + ", which is not installed; install it to settle"));
        Programme p = catalogue.getProgramme(b.programmeId());
        Sanatorium s = catalogue.getSanatorium(p.sanatoriumId());
        OrgInfo organiser = directory.org(b.organiserOrgId()).orElseThrow();
        Map<Integer, List<BookingQuote.Member>> byDays = new LinkedHashMap<>();
        for (Settlement.Traveller l : lines) {
            BookedMember m = b.subsidyPerMember().stream().filter(x -> x.memberId() == l.memberId()).findFirst().orElseThrow();
            if (l.attendedDays() == 0 || m.amount().signum() == 0) {
                continue;
            }
            long orgId = directory.member(l.memberId()).map(x -> x.orgId()).orElse(b.organiserOrgId());
            byDays.computeIfAbsent(l.attendedDays(), d -> new ArrayList<>()).add(new BookingQuote.Member(l.memberId(), orgId,
                    m.category(), directory.isWithin(orgId, b.organiserOrgId())));
        }
        for (Map.Entry<Integer, List<BookingQuote.Member>> e : byDays.entrySet()) {
            BookingQuote q = new BookingQuote(b.startDate(), e.getKey(), p.pricePerPersonPerDay(), s.id(), s.region(), s.unionOwned(),
                    b.organiserOrgId(), organiser.kind(), e.getValue(), s.name());
            for (SubsidyDecision.MemberSubsidy m : policy.decide(q).members()) {
                out.put(m.memberId(), Money.normalize(m.amount()));
            }
        }
        return out;
    }
}
