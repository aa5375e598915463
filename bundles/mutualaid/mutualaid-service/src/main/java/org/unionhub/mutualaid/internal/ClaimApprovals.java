package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;
import org.unionhub.mutualaid.api.MutualAidTopics;

/**
 * Approval at the computed payout (or less, with a reason): a hospital stay by the plan version's bands and caps,
 * counted against the member's per-period cap; a diagnosis, death or disability at the version's fixed sum, which is
 * paid beside the bands and not counted against their caps.
 */
@Component(service = ClaimApprovals.class)
public class ClaimApprovals {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final PlanService plans;
    private final ClaimService claims;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public ClaimApprovals(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference PlanService plans, @Reference ClaimService claims) {
        this.db = db;
        this.audit = audit;
        this.plans = plans;
        this.claims = claims;
    }

    public Claim approve(Caller caller, long id, Decision d) {
        Access.requireRole(caller, Duty.APPROVE);
        Decision decision = d == null ? new Decision(null, null) : d;
        Validation v = new Validation();
        RulesCheck.amount(v, "amount", decision.amount());
        v.maxLength("reason", decision.reason(), 1000);
        v.throwIfInvalid();
        Claim claim = db.inTransaction(c -> {
            ClaimService.Row r = claims.actionable(c, caller, id, false);
            Instant now = Instant.now();
            // taking the status first also locks the claim row against a second approval of the same claim
            if (Sql.update(c, "UPDATE MUTUALAID_CLAIM SET STATUS = 'APPROVED', UPDATED_AT = ? WHERE ID = ? AND STATUS = 'UNDER_REVIEW'",
                    now, id) == 0) {
                throw claims.stateConflict(c, id, "approve", EnumSet.of(ClaimStatus.UNDER_REVIEW));
            }
            Duties.require(c, id, caller, Duty.APPROVE);
            Claim cl = r.claim();
            boolean stay = cl.event() == ClaimEvent.HOSPITAL_STAY;
            Object[] key = {cl.planId(), cl.memberId(), r.periodStart()};
            if (stay) {
                // lock the member's period total: concurrent approvals for him queue here and see each other's amounts
                Sql.update(c, "UPDATE MUTUALAID_PERIOD_TOTAL SET APPROVED = APPROVED WHERE PLAN_ID = ? AND MEMBER_ID = ? "
                        + "AND PERIOD_START = ?", key);
            }
            Version version = plans.version(c, cl.planId(), cl.planVersion());
            Breakdown b = compute(c, r, version);
            BigDecimal payout = b.payout();
            String reason = Texts.blankToNull(decision.reason());
            if (decision.amount() != null) {
                BigDecimal asked = Money.normalize(decision.amount());
                if (asked.compareTo(b.payout()) > 0) {
                    throw HubException.invalid("amount", "must not exceed the computed payout " + b.payout());
                }
                if (asked.compareTo(b.payout()) < 0 && reason == null) {
                    throw HubException.invalid("reason", "is required to approve less than the computed payout " + b.payout());
                }
                payout = asked;
            }
            if (stay && Sql.update(c, "UPDATE MUTUALAID_PERIOD_TOTAL SET APPROVED = APPROVED + ? WHERE PLAN_ID = ? "
                    + "AND MEMBER_ID = ? AND PERIOD_START = ? AND APPROVED + ? <= ?", payout, cl.planId(), cl.memberId(),
                    r.periodStart(), payout, version.capPerPeriod()) == 0) {
                throw HubException.conflict("amount", "the member's per-period cap " + version.capPerPeriod() + " would be exceeded");
            }
            Sql.update(c, "UPDATE MUTUALAID_CLAIM SET COMPUTED_PAYOUT = ?, PAYOUT = ?, PAYOUT_REASON = ?, BREAKDOWN = ?, "
                    + "APPROVED_BY = ? WHERE ID = ?", b.payout(), payout, payout.compareTo(b.payout()) < 0 ? reason : null,
                    ClaimService.json(b), caller.username(), id);
            ClaimService.step(c, id, ClaimStatus.UNDER_REVIEW, ClaimStatus.APPROVED, caller, reason, now);
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("status", ClaimStatus.APPROVED);
            ch.put("computedPayout", b.payout());
            ch.put("payout", payout);
            ch.put("limitedBy", b.limitedBy());
            audit.record(c, caller, "mutualaid.claim.approve", "claim", id, ch);
            return claims.full(c, claims.load(c, id));
        });
        Events.post(events, MutualAidTopics.CLAIM_APPROVED, "claimId", id, "planId", claim.planId(), "memberId",
                claim.memberId(), "amount", claim.payout().toPlainString());
        return claim;
    }

    /**
     * The payout the claim would get if approved now, with its breakdown: for the approver's screen. Nothing is
     * stored; {@link #approve} computes again inside its own transaction.
     */
    public Breakdown preview(Caller caller, long id) {
        Access.requireHandler(caller);
        return db.read(c -> {
            ClaimService.Row r = claims.actionable(c, caller, id, false);
            return compute(c, r, plans.version(c, r.claim().planId(), r.claim().planVersion()));
        });
    }

    private static Breakdown compute(Connection c, ClaimService.Row r, Version version) throws SQLException {
        Claim cl = r.claim();
        if (cl.event() != ClaimEvent.HOSPITAL_STAY) {
            return fixedSum(version, cl.event());
        }
        BigDecimal before = Sql.one(c, "SELECT APPROVED FROM MUTUALAID_PERIOD_TOTAL WHERE PLAN_ID = ? AND MEMBER_ID = ? "
                + "AND PERIOD_START = ?", rs -> rs.getBigDecimal(1), cl.planId(), cl.memberId(), r.periodStart())
                .orElse(Money.ZERO);
        return PayoutCalculator.compute(version.payoutRules(), cl.selfPaid(), before);
    }

    /** A fixed sum's breakdown: no expenses, no bands, the version's sum for the event ({@code limitedBy = FIXED_SUM}). */
    static Breakdown fixedSum(Version version, ClaimEvent event) {
        BigDecimal sum = version.fixedSums().get(event);
        if (sum == null) {
            // the version was checked at submission; a claim keeps its version, so this is a bug
            throw new IllegalStateException("version " + version.no() + " of plan " + version.planId() + " pays no " + event);
        }
        return new Breakdown(version.no(), Money.ZERO, Money.ZERO, Money.ZERO, List.of(), Money.ZERO, null, null, Money.ZERO,
                null, sum, "FIXED_SUM");
    }
}
