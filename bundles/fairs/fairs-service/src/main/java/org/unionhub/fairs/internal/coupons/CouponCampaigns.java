package org.unionhub.fairs.internal.coupons;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.fairs.api.CouponBatch;
import org.unionhub.fairs.internal.FairsServiceImpl;

/**
 * Coupon batches with issue 19's terms: percentage discounts with a cap, batches aimed at one group of new-employment-form
 * workers, a release time, monthly series, and the sponsor and split of cost, reported by {@link #spend}. The batch
 * itself (quantity, per-member limit, the rush) stays the fairs service's; this class writes the terms in the same
 * transaction.
 */
@Component(service = CouponCampaigns.class)
public class CouponCampaigns {

    private final ModuleDatabase db;
    private final FairsServiceImpl fairs;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final HubSettings settings;

    @Activate
    public CouponCampaigns(@Reference(target = "(unionhub.module=fairs)") ModuleDatabase db, @Reference FairsServiceImpl fairs,
            @Reference AuditLog audit, @Reference MemberDirectory directory, @Reference HubSettings settings) {
        this.db = db;
        this.fairs = fairs;
        this.audit = audit;
        this.directory = directory;
        this.settings = settings;
    }

    /** Creates the batch (or, with {@code months}, one batch per month); answers the first. */
    public CouponBatch create(Caller caller, CouponBatchRequest r) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        TermsRules.validate(r, v);
        v.throwIfInvalid();
        int months = r.months() == null ? 1 : r.months();
        List<org.unionhub.fairs.api.CouponBatchRequest> batches = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            batches.add(r.month(i));
        }
        BatchWriter terms = !r.hasTerms() ? null : (c, batchId, month, first) -> {
            Instant release = r.releaseAt() == null ? null : r.releaseAt().plusMonths(month).toInstant();
            TermsStore.insert(c, batchId, r, release, r.months() == null ? null : first, r.months() == null ? null : month + 1);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("rate", r.rate());
            changes.put("cap", r.cap());
            changes.put("newFormKinds", r.newFormKinds());
            changes.put("releaseAt", release);
            changes.put("sponsor", r.sponsor());
            changes.put("unionShare", r.unionShare());
            changes.put("seriesId", r.months() == null ? null : first);
            audit.record(c, caller, "fairs.batch.terms", "couponBatch", batchId, changes);
        };
        return fairs.createBatches(caller, batches, terms).get(0);
    }

    /** The batch's terms; a batch created without any answers empty terms (every member, no release, no split). */
    public BatchTerms terms(long batchId) {
        fairs.batch(batchId);
        return db.read(c -> TermsStore.load(c, batchId, zone())).orElse(new BatchTerms(batchId, null, null, List.of(), null, null,
                null, null, null));
    }

    /** Redemptions between {@code from} and {@code to} (dates in the hub's zone, both included); an officer's batches only. */
    public CouponSpend spend(Caller caller, LocalDate from, LocalDate to) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        v.required("from", from).required("to", to);
        v.check(from == null || to == null || !to.isBefore(from), "to", "must not be before from");
        v.throwIfInvalid();
        ZoneId zone = zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<TermsStore.SpendRow> rows = db.read(c -> {
            List<Long> orgs = null;
            if (!caller.isAdmin()) {
                if (caller.orgId() == null) {
                    throw HubException.forbidden("an officer bound to an organisation reports its spend");
                }
                orgs = new ArrayList<>();
                for (long o : TermsStore.batchOrgs(c)) {
                    if (caller.canManage(o, directory)) {
                        orgs.add(o);
                    }
                }
            }
            return TermsStore.spend(c, start, end, orgs);
        });
        List<CouponSpend.BatchSpend> lines = new ArrayList<>();
        long redeemed = 0;
        BigDecimal orders = Money.ZERO;
        BigDecimal savings = Money.ZERO;
        BigDecimal union = Money.ZERO;
        BigDecimal sponsor = Money.ZERO;
        BigDecimal unsplit = Money.ZERO;
        for (TermsStore.SpendRow r : rows) {
            BigDecimal u = r.unionShare() == null ? null : TermsRules.unionPart(r.discountTotal(), r.unionShare());
            BigDecimal s = u == null ? null : r.discountTotal().subtract(u);
            BigDecimal paid = Money.max(r.orderTotal().subtract(r.discountTotal()), Money.ZERO);
            lines.add(new CouponSpend.BatchSpend(r.batchId(), r.title(), r.sponsor(), r.unionShare(), r.redeemed(), r.orderTotal(),
                    r.discountTotal(), u, s, paid));
            redeemed += r.redeemed();
            orders = orders.add(r.orderTotal());
            savings = savings.add(r.discountTotal());
            if (u == null) {
                unsplit = unsplit.add(r.discountTotal());
            } else {
                union = union.add(u);
                sponsor = sponsor.add(s);
            }
        }
        return new CouponSpend(from, to, redeemed, orders, savings, union, sponsor, unsplit, Money.max(orders.subtract(savings),
                Money.ZERO), lines);
    }

    private ZoneId zone() {
        return settings.zone();
    }
}
