package org.unionhub.mutualaid.internal;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;
import org.unionhub.mutualaid.api.MutualAidTopics;


/**
 * Claims: submission with its refusals, the review steps, the computed payout, payment into the ledger,
 * sampling for a second review, and documents. Medical details are shown only to the member himself and to
 * the reviewers of his organisation chain, and every read of a claim is audited.
 */
@Component(service = ClaimService.class)
public class ClaimService {

    /** A claim with what the rules need beside the public view. */
    record Row(Claim claim, LocalDate periodStart, String approvedBy) {
        long id() {
            return claim.id();
        }
    }

    /** An attachment's content for download. */
    public record Content(String contentType, String fileName, byte[] bytes) {
    }


    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;
    private final MemberDirectory directory;
    private final PlanService plans;
    private final Configured config;
    private final ClaimStore store;
    private final ClaimDocuments documents;
    private final SecondReviews secondReviews;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public ClaimService(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference HubSettings settings, @Reference MemberDirectory directory, @Reference PlanService plans,
            @Reference Configured config) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.directory = directory;
        this.plans = plans;
        this.config = config;
        this.store = new ClaimStore(settings);
        this.documents = new ClaimDocuments(db, audit, settings, directory, config, this);
        this.secondReviews = new SecondReviews(db, audit, directory, plans, store, this);
    }

    // ---- reads

    public Claim get(Caller caller, long id) {
        return db.inTransaction(c -> {
            Row r = visible(c, caller, id);
            // who read whose medical data: the member's id, never his values
            audit.record(c, caller, "mutualaid.claim.read", "claim", id, Map.of("memberId", r.claim().memberId()));
            return full(c, r);
        });
    }

    public Page<Claim> list(Caller caller, Long planId, ClaimStatus status, Long memberId, PageRequest page) {
        return db.inTransaction(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (planId != null) {
                where.append(" AND PLAN_ID = ?");
                params.add(planId);
            }
            if (status != null) {
                where.append(" AND STATUS = ?");
                params.add(status);
            }
            if (memberId != null) {
                where.append(" AND MEMBER_ID = ?");
                params.add(memberId);
            }
            // the caller's scope is part of the query: reviewers their organisation's subtree (without an OR for
            // their own claims, which would keep Derby from joining the subquery), others their own claims
            boolean reviewer = caller.isAdmin()
                    || Access.handlesClaims(caller) && OrgScope.appendFor(caller, directory, "ORG_ID", where, params);
            if (!reviewer) {
                where.append(" AND MEMBER_ID = ?");
                params.add(caller.memberId() == null ? -1L : caller.memberId());
            }
            Page<Row> rows = store.page(c, where.toString(), params, page);
            List<Claim> items = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (Row r : rows.items()) {
                ids.add(r.id());
                items.add(r.claim());
            }
            ClaimReads.auditList(audit, c, caller, planId, status, memberId, ids);
            return new Page<>(items, rows.total(), rows.offset(), rows.limit(), rows.nextCursor(), rows.totalExact());
        });
    }

    // ---- review steps

    public Claim review(Caller caller, long id, Decision d) {
        Access.requireRole(caller, Duty.REVIEW);
        return move(caller, id, EnumSet.of(ClaimStatus.SUBMITTED), ClaimStatus.UNDER_REVIEW, note(d), false,
                "mutualaid.claim.review");
    }

    public Claim reject(Caller caller, long id, Decision d) {
        String reason = requireReason(d);
        if (!Access.hasDutyRole(caller, Duty.REVIEW) && !Access.hasDutyRole(caller, Duty.APPROVE)) {
            throw HubException.forbidden("rejecting a claim requires role admin, or officer with "
                    + Descriptor.CLAIMS_REVIEWER + " or " + Descriptor.CLAIMS_APPROVER);
        }
        Claim claim = move(caller, id, EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW, ClaimStatus.RETURNED,
                ClaimStatus.APPROVED), ClaimStatus.REJECTED, reason, false, "mutualaid.claim.reject");
        Events.post(events, MutualAidTopics.CLAIM_REJECTED, "claimId", id, "planId", claim.planId(), "memberId", claim.memberId());
        return claim;
    }

    public Claim returnForDocuments(Caller caller, long id, Decision d) {
        String reason = requireReason(d);
        Access.requireRole(caller, Duty.REVIEW);
        Claim claim = move(caller, id, EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW), ClaimStatus.RETURNED, reason,
                false, "mutualaid.claim.return");
        Events.post(events, MutualAidTopics.CLAIM_RETURNED, "claimId", id, "planId", claim.planId(), "memberId", claim.memberId());
        return claim;
    }

    /** The member (or an officer on his behalf) sends a returned claim back, usually after adding documents. */
    public Claim resubmit(Caller caller, long id, Decision d) {
        return move(caller, id, EnumSet.of(ClaimStatus.RETURNED), ClaimStatus.SUBMITTED, note(d), true,
                "mutualaid.claim.resubmit");
    }

    public Claim pay(Caller caller, long id) {
        Access.requireRole(caller, Duty.PAY);
        Claim claim = db.inTransaction(c -> {
            Row r = actionable(c, caller, id, false);
            Instant now = Instant.now();
            LocalDate today = plans.today();
            if (ClaimStore.markPaid(c, id, today, now) == 0) {
                if (r.claim().status() == ClaimStatus.APPROVED && r.claim().secondReview() == SecondReview.PENDING) {
                    throw HubException.conflict("secondReview", "claim " + id + " is sampled for a second review; "
                            + "it can be paid once another reviewer confirmed it");
                }
                throw stateConflict(c, id, "pay", EnumSet.of(ClaimStatus.APPROVED));
            }
            Duties.require(c, id, caller, Duty.PAY);
            // checked and debited in this transaction; the fund row's lock queues concurrent payers
            FundBalance.debit(c, r.claim().planId(), r.claim().payout(), id);
            // the unique constraint on CLAIM_ID makes a second payout entry impossible
            ClaimStore.bookPayout(c, r.claim(), today, caller.username(), now);
            step(c, id, ClaimStatus.APPROVED, ClaimStatus.PAID, caller, null, now);
            audit.record(c, caller, "mutualaid.claim.pay", "claim", id,
                    Map.of("status", ClaimStatus.PAID, "payout", r.claim().payout()));
            return full(c, load(c, id));
        });
        Events.post(events, MutualAidTopics.CLAIM_PAID, "claimId", id, "planId", claim.planId(), "memberId", claim.memberId(),
                "amount", claim.payout().toPlainString());
        return claim;
    }

    /** A second reviewer, not the approver, confirms a sampled approval; or rejects it with {@code reject}. */
    public Claim confirmSecondReview(Caller caller, long id, Decision d) {
        return secondReviews.confirm(caller, id, d);
    }

    public SampleResult sample(Caller caller, SampleRequest req) {
        return secondReviews.sample(caller, req);
    }

    // ---- documents: ClaimDocuments

    public Attachment upload(Caller caller, long claimId, String kindText, String fileName, String declaredType, InputStream in) {
        return documents.upload(caller, claimId, kindText, fileName, declaredType, in);
    }

    public Content download(Caller caller, long claimId, long attachmentId) {
        return documents.download(caller, claimId, attachmentId);
    }

    // ---- internals

    private Claim move(Caller caller, long id, Set<ClaimStatus> from, ClaimStatus to, String note, boolean submitterStep,
            String action) {
        if (!submitterStep) {
            Access.requireHandler(caller);
        }
        return db.inTransaction(c -> {
            Row r = actionable(c, caller, id, submitterStep);
            // an officer may resubmit for his member without the reviewer role, but may not read the claim
            boolean reads = Access.readsClaim(caller, r.claim().memberId(), orgOf(r), directory);
            ClaimStatus now = r.claim().status();
            if (!from.contains(now)) {
                if (!reads) {
                    throw HubException.conflict("status", "claim " + id + " cannot be sent back now");
                }
                throw stateConflict(c, id, action.substring(action.lastIndexOf('.') + 1), from);
            }
            boolean releases = now == ClaimStatus.APPROVED;
            if (releases) {
                // only a second reviewer may overturn an approval that was sampled and not yet paid
                if (r.claim().secondReview() != SecondReview.PENDING) {
                    throw stateConflict(c, id, action.substring(action.lastIndexOf('.') + 1), EnumSet.of(ClaimStatus.SUBMITTED,
                            ClaimStatus.UNDER_REVIEW, ClaimStatus.RETURNED));
                }
                Access.requireRole(caller, Duty.SECOND_REVIEW);
            }
            Instant at = Instant.now();
            int n = ClaimStore.move(c, id, now, to, to == ClaimStatus.REJECTED || to == ClaimStatus.RETURNED ? note : null, at);
            if (n == 0) {
                throw reads ? stateConflict(c, id, action.substring(action.lastIndexOf('.') + 1), from)
                        : HubException.conflict("status", "claim " + id + " cannot be sent back now");
            }
            if (to == ClaimStatus.UNDER_REVIEW) {
                if (!Access.higherLevel(caller, r.claim().orgId())) {
                    throw HubException.forbidden("a claim is reviewed by a union above the member's own; the member's "
                            + "union (organisation " + r.claim().orgId() + ") collects it");
                }
                Duties.require(c, id, caller, Duty.REVIEW);
            } else if (releases) {
                Duties.require(c, id, caller, Duty.SECOND_REVIEW);
            }
            if (releases) {
                if (r.claim().event() == ClaimEvent.HOSPITAL_STAY) {
                    // a fixed sum never counted against the period's cap (ClaimApprovals)
                    ClaimStore.releasePeriodTotal(c, r);
                }
                ClaimStore.markOverturned(c, id);
            }
            step(c, id, now, to, caller, note, at);
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("status", to);
            ch.put("from", now);
            audit.record(c, caller, action, "claim", id, ch);
            return reads ? full(c, load(c, id)) : withoutDetails(load(c, id).claim());
        });
    }

    /** What a caller who acts for the member but may not read his medical details gets back: ids and status. */
    private static Claim withoutDetails(Claim b) {
        return new Claim(b.id(), b.planId(), b.planVersion(), b.memberId(), b.orgId(), null, null, null, null, null, null,
                b.status(), null, null, null, null, null, null, b.event(), null, List.of(), List.of(), b.createdAt(), b.updatedAt());
    }

    /** Loads a claim the caller may act on: 404 when he may not even see it, 403 when he may see but not act. */
    Row actionable(Connection c, Caller caller, long id, boolean submitterStep) throws SQLException {
        Row r = load(c, id);
        long org = orgOf(r);
        boolean reviewer = Access.reviews(caller, org, directory);
        if (submitterStep) {
            if (!reviewer && !Access.actsFor(caller, r.claim().memberId(), org, directory)) {
                throw HubException.notFound("claim", id);
            }
            return r;
        }
        if (!reviewer) {
            if (Access.readsClaim(caller, r.claim().memberId(), org, directory)) {
                throw HubException.forbidden("only reviewers of the member's organisation chain may do this");
            }
            throw HubException.notFound("claim", id);
        }
        return r;
    }

    Row visible(Connection c, Caller caller, long id) throws SQLException {
        Row r = load(c, id);
        if (!Access.readsClaim(caller, r.claim().memberId(), orgOf(r), directory)) {
            throw HubException.notFound("claim", id);
        }
        return r;
    }

    /** The member's organisation now (he may have moved since he claimed); the one at submission if he is gone. */
    long orgOf(Row r) {
        return directory.member(r.claim().memberId()).map(MemberInfo::orgId).orElse(r.claim().orgId());
    }

    Row load(Connection c, long id) throws SQLException {
        return store.find(c, id).orElseThrow(() -> HubException.notFound("claim", id));
    }

    Claim full(Connection c, Row r) throws SQLException {
        return store.full(c, r);
    }

    static void step(Connection c, long claimId, ClaimStatus from, ClaimStatus to, Caller caller, String note,
            Instant at) throws SQLException {
        ClaimStore.step(c, claimId, from, to, caller.username(), at, note);
    }

    HubException stateConflict(Connection c, long id, String verb, Set<ClaimStatus> from) throws SQLException {
        ClaimStatus now = load(c, id).claim().status();
        return HubException.conflict("status", "claim " + id + " is " + now + "; " + verb + " needs " + (from.size() == 1
                ? from.iterator().next() : "one of " + from));
    }

    static HubException refused(int status, String field, String code, String text) {
        String message = code + ": " + text;
        return new HubException(status, status == 409 ? "Conflict" : "Claim refused", message,
                List.of(new FieldError(field, message)));
    }

    private static String requireReason(Decision d) {
        String reason = d == null ? null : Texts.blankToNull(d.reason());
        Validation v = new Validation();
        v.required("reason", reason).maxLength("reason", reason, 1000);
        v.throwIfInvalid();
        return reason;
    }

    static String note(Decision d) {
        String n = d == null ? null : Texts.blankToNull(d.reason());
        if (n != null && n.length() > 1000) {
            throw HubException.invalid("reason", "must be at most 1000 characters");
        }
        return n;
    }

    static String json(Breakdown b) {
        return ClaimStore.json(b);
    }
}
