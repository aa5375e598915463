package org.unionhub.mutualaid.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;

/**
 * Second reviews: a reviewer samples claims of a plan (every claim above an amount, a share of the rest at random);
 * a sampled approval is paid only after another reviewer, not its approver, confirmed it.
 */
final class SecondReviews {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final PlanService plans;
    private final ClaimStore store;
    private final ClaimService claims;
    private final SecureRandom random = new SecureRandom();

    SecondReviews(ModuleDatabase db, AuditLog audit, MemberDirectory directory, PlanService plans, ClaimStore store,
            ClaimService claims) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.plans = plans;
        this.store = store;
        this.claims = claims;
    }

    /** A second reviewer, not the approver, confirms a sampled approval; or rejects it with {@code reject}. */
    Claim confirm(Caller caller, long id, Decision d) {
        Access.requireRole(caller, Duty.SECOND_REVIEW);
        return db.inTransaction(c -> {
            claims.actionable(c, caller, id, false);
            if (ClaimStore.confirmSecondReview(c, id, Instant.now()) == 0) {
                throw HubException.conflict("secondReview", "claim " + id + " is not an approved claim waiting for a second review");
            }
            Duties.require(c, id, caller, Duty.SECOND_REVIEW);
            ClaimService.step(c, id, ClaimStatus.APPROVED, ClaimStatus.APPROVED, caller, "second review confirmed"
                    + (ClaimService.note(d) == null ? "" : ": " + ClaimService.note(d)), Instant.now());
            audit.record(c, caller, "mutualaid.claim.second-review", "claim", id, Map.of("secondReview", SecondReview.CONFIRMED));
            return claims.full(c, claims.load(c, id));
        });
    }

    SampleResult sample(Caller caller, SampleRequest req) {
        Access.requireRole(caller, Duty.REVIEW);
        Validation v = new Validation();
        v.required("planId", req.planId());
        v.valid("percent", req.percent(), p -> p >= 1 && p <= 100, "must be between 1 and 100");
        RulesCheck.amount(v, "above", req.above());
        v.check(req.percent() != null || req.above() != null, "percent", "give a percent, an amount (above), or both");
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            plans.findHead(c, req.planId())
                    .orElseThrow(() -> HubException.invalid("planId", "plan " + req.planId() + " does not exist"));
            List<ClaimService.Row> rows = store.sampleable(c, req.planId());
            List<ClaimService.Row> candidates = rows.stream().filter(r -> Access.reviews(caller, claims.orgOf(r), directory))
                    .toList();
            List<Long> picked = new ArrayList<>();
            List<ClaimService.Row> rest = new ArrayList<>();
            for (ClaimService.Row r : candidates) {
                if (req.above() != null && r.claim().selfPaid().compareTo(req.above()) >= 0) {
                    picked.add(r.id());
                } else {
                    rest.add(r);
                }
            }
            if (req.percent() != null && !rest.isEmpty()) {
                Collections.shuffle(rest, random);
                int n = (int) Math.ceil(rest.size() * req.percent() / 100.0);
                rest.subList(0, n).forEach(r -> picked.add(r.id()));
            }
            Collections.sort(picked);
            for (Long id : picked) {
                ClaimStore.markSampled(c, id);
                audit.record(c, caller, "mutualaid.claim.sample", "claim", id, Map.of("secondReview", SecondReview.PENDING));
            }
            return new SampleResult(req.planId(), candidates.size(), picked);
        });
    }
}
