package org.unionhub.mutualaid.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Money;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;

/**
 * Money a union, an employer or a donor puts into a plan's fund beside the members' contributions (the fund pays
 * far more than one member's contribution: Guizhou paid 211 M CNY in three months). Credits the fund's balance in
 * the same transaction.
 */
@Component(service = Allocations.class)
public class Allocations {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;
    private final PlanService plans;

    @Activate
    public Allocations(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference HubSettings settings, @Reference PlanService plans) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.plans = plans;
    }

    public Allocation add(Caller caller, long planId, AllocationRequest req) {
        Access.requireAdmin(caller);
        Validation v = new Validation();
        v.required("amount", req.amount()).positive("amount", req.amount());
        RulesCheck.amount(v, "amount", req.amount());
        v.required("paidBy", req.paidBy());
        v.check(req.paidBy() != PayerKind.MEMBER, "paidBy", "a member pays his contribution by enrolling; an allocation is paid "
                + "by UNION, EMPLOYER or OTHER");
        v.required("payerName", Texts.blankToNull(req.payerName())).maxLength("payerName", req.payerName(), 200);
        v.maxLength("note", req.note(), 1000);
        v.throwIfInvalid();
        long id = db.inTransaction(c -> {
            plans.head(c, planId);
            Instant now = Instant.now();
            LocalDate today = plans.today();
            long allocationId = Sql.insert(c, "INSERT INTO MUTUALAID_ALLOCATION (PLAN_ID, AMOUNT, PAID_BY, PAYER_NAME, NOTE, "
                    + "BOOKED_ON, BOOKED_BY, BOOKED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", planId, Money.normalize(req.amount()),
                    req.paidBy(), req.payerName().trim(), Texts.blankToNull(req.note()), today, caller.username(), now);
            FundBalance.credit(c, planId, Money.normalize(req.amount()));
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("planId", planId);
            ch.put("amount", Money.normalize(req.amount()));
            ch.put("paidBy", req.paidBy());
            audit.record(c, caller, "mutualaid.allocation.create", "plan", planId, ch);
            return allocationId;
        });
        return list(planId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    public List<Allocation> list(long planId) {
        return db.read(c -> {
            plans.head(c, planId);
            return Sql.list(c, "SELECT * FROM MUTUALAID_ALLOCATION WHERE PLAN_ID = ? ORDER BY ID", rs -> new Allocation(
                    rs.getLong("ID"), rs.getLong("PLAN_ID"), Money.normalize(rs.getBigDecimal("AMOUNT")),
                    Sql.getEnum(rs, "PAID_BY", PayerKind.class), rs.getString("PAYER_NAME"), rs.getString("NOTE"),
                    Sql.getDate(rs, "BOOKED_ON"), rs.getString("BOOKED_BY"),
                    Times.at(Sql.getInstant(rs, "BOOKED_AT"), settings.zone())), planId);
        });
    }
}
