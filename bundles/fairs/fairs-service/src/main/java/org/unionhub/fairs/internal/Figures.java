package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Money;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.fairs.api.FairStats;
import org.unionhub.fairs.api.FairsSummary;
import org.unionhub.fairs.api.Sale;
import org.unionhub.fairs.api.SaleRequest;
import org.unionhub.fairs.api.VisitRequest;
import org.unionhub.fairs.api.VisitSlot;

/** The figures officers record and read: visits by time slot, sales, a fair's statistics and the totals across fairs. */
final class Figures {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;
    private final FairAccess access;
    private final FairStore fairs;
    private final FigureStore store;
    private final StallApplications applications;

    Figures(ModuleDatabase db, AuditLog audit, HubSettings settings, FairAccess access, FairStore fairs, FigureStore store,
            StallApplications applications) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.access = access;
        this.fairs = fairs;
        this.store = store;
        this.applications = applications;
    }

    VisitSlot recordVisits(Caller caller, long fairId, VisitRequest r) {
        access.requireManage(caller, fairId);
        Validation v = new Validation();
        v.required("slotStart", r.slotStart()).required("slotEnd", r.slotEnd()).required("visits", r.visits());
        v.check(r.slotStart() == null || r.slotEnd() == null || r.slotEnd().isAfter(r.slotStart()), "slotEnd",
                "must be after slotStart");
        v.notNegative("visits", r.visits());
        v.throwIfInvalid();
        long id = db.inTransaction(c -> {
            long visitId = FigureStore.insertVisit(c, fairId, r.slotStart(), r.slotEnd(), r.visits(), caller.username());
            audit.record(c, caller, "fairs.visit.create", "visit", visitId,
                    Map.of("fairId", fairId, "slotStart", r.slotStart().toString(), "visits", r.visits()));
            return visitId;
        });
        return new VisitSlot(id, Rules.at(r.slotStart().toInstant(), settings.zone()),
                Rules.at(r.slotEnd().toInstant(), settings.zone()), r.visits());
    }

    Sale recordSale(Caller caller, long fairId, SaleRequest r) {
        access.requireManage(caller, fairId);
        Validation v = new Validation();
        v.required("merchant", r.merchant()).maxLength("merchant", r.merchant(), 200);
        v.required("amount", r.amount()).money("amount", r.amount());
        if (r.creditCode() != null && !r.creditCode().isBlank()) {
            String problem = CreditCode.problem(r.creditCode());
            v.check(problem == null, "creditCode", problem);
        }
        v.throwIfInvalid();
        Instant soldAt = r.soldAt() == null ? Instant.now() : r.soldAt().toInstant();
        String code = r.creditCode() == null || r.creditCode().isBlank() ? null : CreditCode.normalize(r.creditCode());
        BigDecimal amount = Money.normalize(r.amount());
        long id = db.inTransaction(c -> {
            long saleId = FigureStore.insertSale(c, fairId, r.merchant().trim(), code, amount, soldAt, caller.username());
            audit.record(c, caller, "fairs.sale.create", "sale", saleId, Map.of("fairId", fairId, "amount", amount));
            return saleId;
        });
        return new Sale(id, fairId, r.merchant().trim(), code, amount, Rules.at(soldAt, settings.zone()));
    }

    FairStats stats(Caller caller, long fairId) {
        FairRow f = access.requireManage(caller, fairId);
        applications.expireDue(fairId);
        return db.read(c -> store.stats(c, f, Instant.now()));
    }

    /** The fairs starting from {@code from} to {@code to} that the caller manages (default: this year), added up. */
    FairsSummary summary(Caller caller, LocalDate from, LocalDate to) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        LocalDate start = from == null ? LocalDate.now(settings.zone()).withDayOfYear(1) : from;
        LocalDate end = to == null ? start.withDayOfYear(1).plusYears(1).minusDays(1) : to;
        if (end.isBefore(start)) {
            throw HubException.invalid("to", "must not be before from");
        }
        List<FairRow> rows = db.read(c -> fairs.startingBetween(c, start, end));
        List<FairRow> visible = rows.stream().filter(f -> access.canManage(caller, f)).toList();
        Instant now = Instant.now();
        List<FairStats> all = db.read(c -> {
            List<FairStats> out = new ArrayList<>();
            for (FairRow f : visible) {
                out.add(store.stats(c, f, now));
            }
            return out;
        });
        return new FairsSummary(settings.regionName(), start, end, all.size(),
                all.stream().mapToLong(FairStats::visits).sum(), total(all.stream().map(FairStats::turnover).toList()),
                all.stream().mapToLong(FairStats::merchants).sum(), all.stream().mapToLong(FairStats::stallsAllocated).sum(),
                all.stream().mapToLong(FairStats::stallsWaitlisted).sum(), all.stream().mapToLong(FairStats::feesWaived).sum(),
                total(all.stream().map(FairStats::feesWaivedAmount).toList()),
                all.stream().mapToLong(FairStats::couponsIssued).sum(), all.stream().mapToLong(FairStats::couponsClaimed).sum(),
                all.stream().mapToLong(FairStats::couponsRedeemed).sum(),
                total(all.stream().map(FairStats::discountGranted).toList()));
    }

    private static BigDecimal total(List<BigDecimal> amounts) {
        return amounts.stream().reduce(Money.ZERO, BigDecimal::add);
    }
}
