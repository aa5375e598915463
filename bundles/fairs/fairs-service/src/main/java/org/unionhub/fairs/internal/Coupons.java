package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.event.Event;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Money;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.fairs.api.Coupon;
import org.unionhub.fairs.api.CouponBatch;
import org.unionhub.fairs.api.CouponBatchRequest;
import org.unionhub.fairs.api.CouponKind;
import org.unionhub.fairs.api.FairsEvents;
import org.unionhub.fairs.api.RedeemRequest;
import org.unionhub.fairs.internal.coupons.BatchWriter;
import org.unionhub.fairs.internal.coupons.TermsStore;

/**
 * The rules of coupon batches and coupons: who issues a batch, the rush of claims (one transaction each, the batch's
 * CLAIMED counter taken with a conditional UPDATE whose row lock orders the claims of one batch, then the member's
 * limit), who sees a coupon, and redemption once, within validity, by the merchant a batch is bound to.
 */
final class Coupons {

    static final String MERCHANT = "merchant";

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final HubSettings settings;
    private final FairAccess access;
    private final CouponStore store;
    private final Publisher publisher;
    private final SecureRandom random = new SecureRandom();

    Coupons(ModuleDatabase db, AuditLog audit, MemberDirectory directory, HubSettings settings, FairAccess access,
            CouponStore store, Publisher publisher) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.settings = settings;
        this.access = access;
        this.store = store;
        this.publisher = publisher;
    }

    /**
     * Creates the batches of one order (the months of a monthly series: the same batch, its dates moved on) in one
     * transaction, so that no batch is ever seen without what {@code each} writes with it (its release time or group).
     */
    List<CouponBatch> createBatches(Caller caller, List<CouponBatchRequest> months, BatchWriter each) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        CouponBatchRequest r = months.get(0);
        Validation v = new Validation();
        Rules.validateBatch(r, v);
        // a PERCENT coupon's rate and cap are its terms: only a creation that writes terms may make one
        v.check(each != null || r.kind() != CouponKind.PERCENT, "kind", "a PERCENT batch needs its rate and cap");
        Optional<FairRow> fair = r.fairId() == null ? Optional.empty() : db.read(c -> FairStore.row(c, r.fairId()));
        v.check(r.fairId() == null || fair.isPresent(), "fairId", "fair " + r.fairId() + " does not exist");
        v.throwIfInvalid();
        Long orgId = fair.map(FairRow::orgId).orElse(caller.orgId());
        if (fair.isPresent() && !access.canManage(caller, fair.get()) || fair.isEmpty() && !caller.isAdmin() && orgId == null) {
            throw HubException.forbidden("the fair is outside your organisation");
        }
        int limit = r.perMemberLimit() == null ? 1 : r.perMemberLimit();
        String merchant = r.merchantCreditCode() == null || r.merchantCreditCode().isBlank() ? null
                : CreditCode.normalize(r.merchantCreditCode());
        List<Long> ids = db.inTransaction(c -> {
            List<Long> out = new ArrayList<>();
            for (CouponBatchRequest m : months) {
                long batchId = CouponStore.insertBatch(c, m, orgId, limit, merchant);
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("title", m.title().trim());
                changes.put("kind", m.kind());
                changes.put("threshold", m.threshold());
                changes.put("discount", m.discount());
                changes.put("quantity", m.quantity());
                changes.put("perMemberLimit", limit);
                changes.put("fairId", m.fairId());
                audit.record(c, caller, "fairs.batch.create", "couponBatch", batchId, changes);
                out.add(batchId);
                if (each != null) {
                    each.write(c, batchId, out.size() - 1, out.get(0));
                }
            }
            return out;
        });
        return ids.stream().map(this::batch).toList();
    }

    CouponBatch batch(long batchId) {
        return db.read(c -> store.batch(c, CouponStore.batchRow(c, batchId)
                .orElseThrow(() -> HubException.notFound("coupon batch", batchId))));
    }

    Page<CouponBatch> batches(Long fairId, PageRequest page) {
        return db.read(c -> store.batches(c, fairId, page));
    }

    Coupon claim(Caller caller, long batchId, Long memberId) {
        long member = claimant(caller, memberId);
        // read before the transaction: a directory lookup inside it would wait for a second pooled connection while
        // holding the batch row's lock, and a rush of claims would take every connection that way
        Optional<MemberInfo> info = directory.member(member);
        NewFormKind kind = info.map(MemberInfo::newFormKind).orElse(null);
        Long org = info.map(MemberInfo::orgId).orElse(null); // for an officer's scope over coupons (fairs V3)
        String code = Rules.newCode(random);
        long couponId = db.inTransaction(c -> {
            Instant now = Instant.now();
            BatchRow b = CouponStore.batchRow(c, batchId).orElseThrow(() -> HubException.notFound("coupon batch", batchId));
            if (now.isAfter(b.validTo())) {
                throw HubException.conflict("coupon batch " + batchId + " has expired");
            }
            TermsStore.refuseClaim(c, batchId, kind, now, settings.zone());
            // the batch row lock taken here orders every claim of the batch, so the count below is exact
            boolean took = CouponStore.take(c, batchId);
            long mine = CouponStore.held(c, batchId, member);
            if (mine >= b.perMemberLimit()) {
                throw HubException.conflict("memberId", "member " + member + " already holds " + mine
                        + " coupon(s) of this batch, the limit per member");
            }
            if (!took) {
                throw HubException.conflict("all " + b.quantity() + " coupons of batch " + batchId + " have been claimed");
            }
            long id = CouponStore.insertCoupon(c, batchId, member, (int) mine + 1, code, now, caller.username(), org);
            audit.record(c, caller, "fairs.coupon.claim", "coupon", id, Map.of("batchId", batchId, "memberId", member));
            return id;
        });
        return db.read(c -> store.byId(c, couponId).orElseThrow());
    }

    /** A member claims for himself; an officer or admin names the member (who must exist, in his scope). */
    private long claimant(Caller caller, Long memberId) {
        if (caller.hasRole(Roles.MEMBER) && caller.memberId() != null
                && (memberId == null || memberId.equals(caller.memberId()))) {
            return caller.memberId();
        }
        if (caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            if (memberId == null) {
                throw HubException.invalid("memberId", "is required when an officer claims for a member");
            }
            MemberInfo m = directory.member(memberId).orElseThrow(() -> HubException.invalid("memberId",
                    "member " + memberId + " does not exist"));
            if (!caller.canManage(m.orgId(), directory)) {
                throw HubException.forbidden("member " + memberId + " is outside your organisation");
            }
            return memberId;
        }
        throw HubException.forbidden("claiming needs a member account (bound to a member) or an officer");
    }

    Page<Coupon> coupons(Caller caller, Long memberId, PageRequest page) {
        Long member = memberId;
        if (!caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            if (caller.memberId() == null || memberId != null && !memberId.equals(caller.memberId())) {
                throw HubException.forbidden("a member sees his own coupons");
            }
            member = caller.memberId();
        }
        Long m = member;
        boolean scoped = !caller.isAdmin() && caller.hasRole(Roles.OFFICER);
        return db.read(c -> store.coupons(c, caller, m, scoped, page));
    }

    Coupon coupon(Caller caller, String code) {
        Coupon found = db.read(c -> store.byCode(c, normalizeCode(code))).orElseThrow(() -> HubException.notFound("coupon", code));
        boolean owner = caller.memberId() != null && caller.memberId() == found.memberId();
        if (owner) {
            return found;
        }
        BatchRow b = db.read(c -> CouponStore.batchRow(c, found.batchId())).orElseThrow();
        boolean staff = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)
                && CouponAccess.officerMay(caller, found.memberId(), b.orgId(), directory);
        String merchant = caller.hasRole(MERCHANT) ? CouponAccess.boundMerchant(caller) : null;
        boolean merchantMay = caller.hasRole(MERCHANT) && (b.merchantCode() == null || b.merchantCode().equals(merchant));
        if (!staff && !merchantMay) {
            throw HubException.notFound("coupon", code);
        }
        return found;
    }

    Coupon redeem(Caller caller, String code, RedeemRequest r) {
        caller.require(Roles.ADMIN, Roles.OFFICER, MERCHANT);
        Validation v = new Validation();
        v.required("orderAmount", r.orderAmount()).money("orderAmount", r.orderAmount());
        if (r.merchantCreditCode() != null && !r.merchantCreditCode().isBlank()) {
            String problem = CreditCode.problem(r.merchantCreditCode());
            v.check(problem == null, "merchantCreditCode", problem);
        }
        v.throwIfInvalid();
        String normalized = normalizeCode(code);
        String sent = r.merchantCreditCode() == null || r.merchantCreditCode().isBlank() ? null
                : CreditCode.normalize(r.merchantCreditCode());
        boolean staff = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER);
        // a merchant redeems as the merchant his account is bound to, whatever the request says
        String merchant = staff ? sent : CouponAccess.boundMerchant(caller);
        if (!staff && sent != null && !sent.equals(merchant)) {
            throw HubException.invalid("merchantCreditCode", "is not the merchant this account is bound to");
        }
        BigDecimal amount = Money.normalize(r.orderAmount());
        Event redeemed = db.inTransaction(c -> {
            Instant now = Instant.now();
            Coupon cp = store.byCode(c, normalized).orElseThrow(() -> HubException.notFound("coupon", code));
            if (staff && !CouponAccess.officerMay(caller, cp.memberId(),
                    CouponStore.batchRow(c, cp.batchId()).map(BatchRow::orgId).orElse(null), directory)) {
                throw HubException.notFound("coupon", code); // another district's coupon: not even its existence
            }
            if (cp.redeemedAt() != null) {
                throw HubException.conflict("code", "coupon " + normalized + " was already redeemed at " + cp.redeemedAt());
            }
            BatchRow b = CouponStore.batchRow(c, cp.batchId()).orElseThrow();
            if (!Rules.withinValidity(now, b.validFrom(), b.validTo())) {
                throw HubException.conflict("code", "coupon " + normalized + " is valid from " + cp.validFrom() + " to " + cp.validTo());
            }
            Validation rv = new Validation();
            if (b.merchantCode() != null) {
                rv.check(b.merchantCode().equals(merchant), "merchantCreditCode",
                        "this coupon is only accepted by merchant " + b.merchantCode());
            }
            BigDecimal discount = b.kind() == CouponKind.PERCENT ? TermsStore.percentDiscount(c, b.id(), b.threshold(), amount, rv)
                    : Rules.redemptionDiscount(b.kind(), b.threshold(), b.discount(), amount, rv);
            rv.throwIfInvalid();
            if (!CouponStore.redeem(c, cp.id(), now, caller.username(), merchant, amount, discount)) {
                throw HubException.conflict("code", "coupon " + normalized + " was already redeemed");
            }
            audit.record(c, caller, "fairs.coupon.redeem", "coupon", cp.id(),
                    Map.of("orderAmount", amount, "discount", discount, "merchantCreditCode", merchant == null ? "" : merchant));
            Map<String, Object> props = new HashMap<>();
            props.put("couponId", cp.id());
            props.put("batchId", cp.batchId());
            props.put("discount", discount.toString());
            if (b.fairId() != null) {
                props.put("fairId", b.fairId());
            }
            return new Event(FairsEvents.COUPON_REDEEMED, props);
        });
        publisher.publish(List.of(redeemed));
        return db.read(c -> store.byId(c, (Long) redeemed.getProperty("couponId")).orElseThrow());
    }

    private static String normalizeCode(String code) {
        return code == null ? "" : code.trim().toUpperCase();
    }
}
