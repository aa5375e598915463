package org.unionhub.recuperation.internal.budget;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.OrgKind;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.recuperation.api.SubsidyDecision.Budget;
import org.unionhub.recuperation.api.SubsidyPolicy;
import org.unionhub.recuperation.internal.Policies;

/**
 * The province's allocation of a year's budget to cities and districts (Zhejiang: "省总工会…下达各市、县（市、区）").
 * Only an administrator allocates; the sum of a budget's allocations never exceeds the budget (checked under the
 * budget row's lock), and an allocation never drops below what its units already drew.
 */
@Component(service = Allocations.class)
public class Allocations {

    /** The levels a province allocates to. */
    static final Set<OrgKind> ALLOCATED = EnumSet.of(OrgKind.CITY, OrgKind.DISTRICT, OrgKind.COUNTY);

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final Policies policies;

    @Activate
    public Allocations(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference Policies policies) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.policies = policies;
    }

    /** The installed policy's budgets of a year, created in the ledger so that they can be allocated before any booking. */
    public List<Budget> openYear(Caller caller, int year) {
        caller.require(Roles.ADMIN);
        SubsidyPolicy policy = policies.current().orElseThrow(() -> HubException.conflict("no subsidy policy is installed"));
        List<Budget> budgets = policy.budgets(year);
        budgets.forEach(b -> BudgetLedger.ensure(db, policy.id(), b));
        return budgets;
    }

    public Allocation allocate(Caller caller, AllocationRequest req) {
        caller.require(Roles.ADMIN);
        Validation v = new Validation();
        v.required("budgetKey", req.budgetKey()).required("orgId", req.orgId()).required("amount", req.amount())
                .money("amount", req.amount());
        v.throwIfInvalid();
        OrgInfo org = directory.org(req.orgId()).orElseThrow(() -> HubException.invalid("orgId", "organisation " + req.orgId()
                + " does not exist"));
        if (!ALLOCATED.contains(org.kind())) {
            throw HubException.invalid("orgId", org.name() + " is a " + org.kind() + "; budgets are allocated to cities, districts and counties");
        }
        BigDecimal amount = Money.normalize(req.amount());
        db.inTransaction(c -> {
            // the budget row's lock orders allocations of one budget, so the sum below is exact
            if (Sql.update(c, "UPDATE RECUPERATION_BUDGET SET TOTAL = TOTAL WHERE BUDGET_KEY = ?", req.budgetKey()) != 1) {
                throw HubException.invalid("budgetKey", "no budget " + req.budgetKey() + "; open its year first (POST /allocations/years/{year})");
            }
            BigDecimal total = Sql.one(c, "SELECT TOTAL FROM RECUPERATION_BUDGET WHERE BUDGET_KEY = ?", rs -> rs.getBigDecimal(1),
                    req.budgetKey()).orElseThrow();
            BigDecimal others = Sql.one(c, "SELECT SUM(AMOUNT) FROM RECUPERATION_ALLOCATION WHERE BUDGET_KEY = ? AND ORG_ID <> ?",
                    rs -> rs.getBigDecimal(1), req.budgetKey(), req.orgId()).map(Money::normalize).orElse(Money.ZERO);
            if (others.add(amount).compareTo(total) > 0) {
                throw HubException.conflict("amount", "allocations of " + req.budgetKey() + " would reach "
                        + others.add(amount).toPlainString() + " CNY, beyond its " + total.toPlainString());
            }
            BigDecimal spent = Sql.one(c, "SELECT SPENT FROM RECUPERATION_ALLOCATION WHERE BUDGET_KEY = ? AND ORG_ID = ?",
                    rs -> rs.getBigDecimal(1), req.budgetKey(), req.orgId()).orElse(null);
            if (spent == null) {
                Sql.update(c, "INSERT INTO RECUPERATION_ALLOCATION (BUDGET_KEY, ORG_ID, AMOUNT, SPENT, UPDATED_AT) VALUES (?, ?, ?, 0, ?)",
                        req.budgetKey(), req.orgId(), amount, Instant.now());
            } else if (spent.compareTo(amount) > 0) {
                throw HubException.conflict("amount", "units under " + org.name() + " already drew " + spent.toPlainString() + " CNY");
            } else {
                Sql.update(c, "UPDATE RECUPERATION_ALLOCATION SET AMOUNT = ?, UPDATED_AT = ? WHERE BUDGET_KEY = ? AND ORG_ID = ?", amount,
                        Instant.now(), req.budgetKey(), req.orgId());
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("budgetKey", req.budgetKey());
            changes.put("orgId", req.orgId());
            changes.put("amount", amount);
            audit.record(c, caller, "recuperation.allocation.set", "allocation", req.orgId(), changes);
            return null;
        });
        return list(caller, req.budgetKey()).stream().filter(a -> a.orgId() == req.orgId()).findFirst().orElseThrow();
    }

    /** Allocations of a budget (all budgets when null); an officer sees those of his part of the tree. */
    public List<Allocation> list(Caller caller, String budgetKey) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : db.read(c -> rows(c, budgetKey))) {
            if (caller.isAdmin() || caller.canManage(a.orgId(), directory)
                    || caller.orgId() != null && directory.isWithin(caller.orgId(), a.orgId())) {
                out.add(a);
            }
        }
        return out;
    }

    private List<Allocation> rows(Connection c, String budgetKey) throws SQLException {
        String where = budgetKey == null ? "" : " WHERE BUDGET_KEY = ?";
        Object[] params = budgetKey == null ? new Object[0] : new Object[] {budgetKey};
        return Sql.list(c, "SELECT BUDGET_KEY, ORG_ID, AMOUNT, SPENT FROM RECUPERATION_ALLOCATION" + where + " ORDER BY BUDGET_KEY, ORG_ID",
                rs -> new Allocation(rs.getString(1), rs.getLong(2), directory.org(rs.getLong(2)).map(OrgInfo::name).orElse(null),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), Money.normalize(rs.getBigDecimal(3).subtract(rs.getBigDecimal(4)))),
                params);
    }
}
